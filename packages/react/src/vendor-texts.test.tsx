/** @jsxImportSource react */
import { cleanup, render } from '@testing-library/react';
import { lv } from '@consentry/ui';
import { googleAnalytics, lvVendorTexts } from '@consentry/vendors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { config, memoryOptions, ui } from './test-utils/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const latvian = { ...config, language: 'lv' };
const LV_PURPOSE = 'Mēra, kā apmeklētāji lieto vietni (skatītās lapas, pavadītais laiks, no kurienes atnākuši), lai sagatavotu lietošanas statistiku.';

/** Opens the built-in dialog from the app, as a "Cookie settings" link would. */
function Opener() {
  const { showPreferences } = useConsent();
  return <button onClick={() => showPreferences()}>open</button>;
}

describe('vendor purposes in the UI language (vendorTexts)', () => {
  it('shows the Latvian purpose of a catalog vendor in the Latvian dialog, not the English one', () => {
    const { options } = memoryOptions();
    const { getByText } = render(
      <ConsentProvider config={latvian} options={options} ui={{ texts: { lv } }} vendors={[googleAnalytics]} vendorTexts={{ lv: lvVendorTexts }}>
        <Opener />
      </ConsentProvider>,
    );
    getByText('open').click();
    const dialog = ui();
    expect(dialog.getByRole('dialog')).toBeTruthy();
    expect(dialog.getByText(LV_PURPOSE)).toBeTruthy();
    expect(dialog.queryByText(googleAnalytics.purpose)).toBeNull();
  });

  it("keeps the app's own text for a vendor over the table's", () => {
    const { options } = memoryOptions();
    const own = { ...lv, 'vendor.google-analytics.purpose': 'Mūsu pašu apraksts.' };
    const { getByText } = render(
      <ConsentProvider config={latvian} options={options} ui={{ texts: { lv: own } }} vendors={[googleAnalytics]} vendorTexts={{ lv: lvVendorTexts }}>
        <Opener />
      </ConsentProvider>,
    );
    getByText('open').click();
    expect(ui().getByText('Mūsu pašu apraksts.')).toBeTruthy();
    expect(ui().queryByText(LV_PURPOSE)).toBeNull();
  });

  it('says how to fix a dialog that would show a vendor purpose in English', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { options } = memoryOptions();
    render(<ConsentProvider config={latvian} options={options} ui={{ texts: { lv } }} vendors={[googleAnalytics]} />);
    const messages = error.mock.calls.map((c) => String(c[0]));
    expect(messages.some((m) => m.includes('google-analytics') && m.includes('vendorTexts: { lv: lvVendorTexts }'))).toBe(true);
  });

  it('types the table by shipped language', () => {
    const { options } = memoryOptions();
    // @ts-expect-error `xx` is not a language the catalog is translated into
    render(<ConsentProvider config={latvian} options={options} ui={false} vendorTexts={{ xx: lvVendorTexts }} />);
    expect(document.querySelector('consentry-ui')).toBeNull();
  });

  it('says nothing when every passed vendor has its purpose in the language', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { options } = memoryOptions();
    render(<ConsentProvider config={latvian} options={options} ui={{ texts: { lv } }} vendors={[googleAnalytics]} vendorTexts={{ lv: lvVendorTexts }} />);
    expect(error).not.toHaveBeenCalled();
  });
});
