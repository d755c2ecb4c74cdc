import type { ViewModel } from './view-model';

/** The always-available way back to the choice (EDPB: withdrawal as easy as consent). */
export function ReopenButton({ vm }: { vm: ViewModel }) {
  return (
    <button type="button" class={vm.reopen === 'bottom-right' ? 'btn o right' : 'btn o'} data-consentry-action="reopen" aria-haspopup="dialog" onClick={vm.customize}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm1 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6-1a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z"
        />
      </svg>
      <span class="sr">{vm.t('reopen.label')}</span>
    </button>
  );
}
