import { Banner } from './banner';
import { Preferences } from './preferences';
import { ReopenButton } from './reopen-button';
import type { ViewModel } from './view-model';

export function RootView({ vm }: { vm: ViewModel }) {
  return (
    <>
      {vm.banner && <Banner vm={vm} />}
      {vm.prefs && <Preferences vm={vm} />}
      {vm.reopen && <ReopenButton vm={vm} />}
      <div role="status" class="sr">
        {vm.status}
      </div>
    </>
  );
}
