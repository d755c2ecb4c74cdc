/** @jsxImportSource react */
// @vitest-environment node
import { readConsent } from '@consentry/core';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentGate } from './consent-gate';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { useIsGranted } from './use-is-granted';
import { config, decidedCookie } from './test-utils/fixtures';

afterEach(() => vi.restoreAllMocks());

function Page() {
  const { state } = useConsent();
  const stats = useIsGranted('statistics');
  return (
    <main>
      <p>{`${state.status} stats=${stats}`}</p>
      <ConsentGate vendor="youtube" fallback={<p>Video blocked</p>}>
        <p>video</p>
      </ConsentGate>
    </main>
  );
}

describe('rendering on a server without a DOM', () => {
  it('has no document here', () => {
    expect(typeof document).toBe('undefined');
  });

  it('renders the state read from the Cookie header', () => {
    const errors = vi.spyOn(console, 'error');
    const header = `a=1; consentry=${encodeURIComponent(decidedCookie({ statistics: true, targeting: true }))}; b=2`;
    const html = renderToString(
      <ConsentProvider config={config} initialState={readConsent(header, config)}>
        <Page />
      </ConsentProvider>,
    );
    expect(html).toBe('<main><p>decided stats=true</p><p>video</p></main>');
    expect(errors).not.toHaveBeenCalled();
  });

  it('renders undecided, with fallbacks, when there is no cookie or no initialState', () => {
    const expected = '<main><p>undecided stats=false</p><p>Video blocked</p></main>';
    expect(
      renderToString(
        <ConsentProvider config={config} initialState={readConsent(undefined, config)}>
          <Page />
        </ConsentProvider>,
      ),
    ).toBe(expected);
    expect(
      renderToString(
        <ConsentProvider config={config}>
          <Page />
        </ConsentProvider>,
      ),
    ).toBe(expected);
  });
});
