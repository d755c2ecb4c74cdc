// On a TCF page (config `tcf`, docs/tcf.md) the first layer and the reopen button are
// @consentry/tcf's, whose content the TCF Policy prescribes; the dialog stays reachable by API.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, setup } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a TCF config', () => {
  it('shows no Consentry banner and no reopen button; showPreferences still opens the dialog', () => {
    const { shadow, consent, ui } = setup({ ...baseConfig, reopenButton: true, tcf: { cmpId: 300 } });
    expect(shadow.querySelector('[data-consentry-banner]')).toBeNull();
    consent.acceptAll();
    expect(shadow.querySelector('[data-consentry-action=reopen], .o')).toBeNull();
    ui.showPreferences();
    expect(shadow.querySelector('[data-consentry-preferences]')).not.toBeNull();
  });

  it('without tcf the banner is there as before', () => {
    const { shadow } = setup(baseConfig);
    expect(shadow.querySelector('[data-consentry-banner]')).not.toBeNull();
  });
});
