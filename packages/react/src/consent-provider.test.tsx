/** @jsxImportSource react */
import { fireEvent, render, screen, act, cleanup } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { ConsentGate } from './consent-gate';
import { bannerShown, config, decidedCookie, memoryOptions, ui, uiHosts } from './test-utils/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Status() {
  const { state } = useConsent();
  return <output>{`${state.status}:${state.choices.statistics ? 'stats-on' : 'stats-off'}`}</output>;
}

describe('ConsentProvider', () => {
  it('mounts the banner in its own shadow root and adds nothing to the React tree', () => {
    const { options } = memoryOptions();
    const { container } = render(
      <ConsentProvider config={config} options={options}>
        <p>page</p>
      </ConsentProvider>,
    );
    expect(container.innerHTML).toBe('<p>page</p>');
    const hosts = uiHosts();
    expect(hosts).toHaveLength(1);
    expect(container.contains(hosts[0]!)).toBe(false);
    expect(hosts[0]!.shadowRoot).not.toBeNull();
    expect(bannerShown()).toBe(true);
  });

  it('shows one banner under StrictMode and removes it on unmount', async () => {
    const { options } = memoryOptions();
    // Count hosts added and removed, to prove StrictMode really mounted, unmounted and mounted again.
    const log: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeName === 'CONSENTRY-UI') log.push('added');
        for (const n of r.removedNodes) if (n.nodeName === 'CONSENTRY-UI') log.push('removed');
      }
    });
    observer.observe(document.body, { childList: true });
    const { unmount } = render(
      <StrictMode>
        <ConsentProvider config={config} options={options}>
          <Status />
        </ConsentProvider>
      </StrictMode>,
    );
    await Promise.resolve();
    observer.disconnect();
    expect(log).toEqual(['added', 'removed', 'added']);
    expect(uiHosts()).toHaveLength(1);
    expect(ui().getAllByRole('button', { name: 'Accept all' })).toHaveLength(1);
    // The surviving UI is wired to the engine React renders from.
    fireEvent.click(ui().getByRole('button', { name: 'Accept all' }));
    expect(screen.getByRole('status').textContent).toBe('decided:stats-on');
    unmount();
    expect(uiHosts()).toHaveLength(0);
  });

  it('creates the engine once, even when the parent re-renders with a new config object', () => {
    const { options } = memoryOptions();
    const seen = new Set<unknown>();
    function Probe() {
      seen.add(useConsent().consent);
      return null;
    }
    function Parent() {
      const [n, setN] = useState(0);
      return (
        <ConsentProvider config={{ ...config, revision: 1 + n * 0 }} options={options}>
          <button onClick={() => setN(n + 1)}>again {n}</button>
          <Probe />
        </ConsentProvider>
      );
    }
    render(
      <StrictMode>
        <Parent />
      </StrictMode>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'again 0' }));
    fireEvent.click(screen.getByRole('button', { name: 'again 1' }));
    expect(seen.size).toBe(1);
    expect(uiHosts()).toHaveLength(1);
  });

  it('re-renders consumers when the visitor decides in the built-in UI', () => {
    const { options, cookies } = memoryOptions();
    render(
      <ConsentProvider config={config} options={options}>
        <Status />
      </ConsentProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('undecided:stats-off');
    fireEvent.click(ui().getByRole('button', { name: 'Reject all' }));
    expect(screen.getByRole('status').textContent).toBe('decided:stats-off');
    expect(cookies.get('consentry')).toMatch(/^1\./);
    expect(bannerShown()).toBe(false);
  });

  it('shows no banner to a visitor who has decided', () => {
    const { options } = memoryOptions({ consentry: decidedCookie('rejectAll') });
    render(
      <ConsentProvider config={config} options={options}>
        <Status />
      </ConsentProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('decided:stats-off');
    expect(bannerShown()).toBe(false);
    expect(ui().getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });

  it('mounts no UI with ui={false} but still provides state and actions', () => {
    const { options } = memoryOptions();
    function Accept() {
      const { acceptAll, showPreferences } = useConsent();
      return (
        <button
          onClick={() => {
            showPreferences();
            acceptAll();
          }}
        >
          accept
        </button>
      );
    }
    render(
      <ConsentProvider config={config} options={options} ui={false}>
        <Status />
        <Accept />
      </ConsentProvider>,
    );
    expect(uiHosts()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'accept' }));
    expect(screen.getByRole('status').textContent).toBe('decided:stats-on');
    expect(uiHosts()).toHaveLength(0);
  });

  it('passes UI options through to the built-in UI', () => {
    const { options } = memoryOptions();
    const root = document.createElement('section');
    document.body.append(root);
    render(<ConsentProvider config={config} options={options} ui={{ root }} />);
    expect(root.querySelectorAll('consentry-ui')).toHaveLength(1);
    cleanup();
    expect(root.querySelectorAll('consentry-ui')).toHaveLength(0);
    root.remove();
  });

  it('fails closed on an invalid config: logs the path, grants nothing, shows no UI, does not throw', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { options } = memoryOptions({ consentry: decidedCookie('acceptAll') });
    render(
      // @ts-expect-error the typo is the point
      <ConsentProvider config={{ ...config, categories: { statistcs: {} } }} options={options}>
        <Status />
        <ConsentGate category="statistics" fallback={<p>blocked</p>}>
          <p>analytics</p>
        </ConsentGate>
      </ConsentProvider>,
    );
    expect(String(error.mock.calls[0]?.join(' '))).toMatch(/categories\.statistcs: unknown category; did you mean statistics\?/);
    expect(screen.getByRole('status').textContent).toBe('undecided:stats-off');
    expect(screen.getByText('blocked')).toBeTruthy();
    expect(screen.queryByText('analytics')).toBeNull();
    expect(uiHosts()).toHaveLength(0);
  });

  it('picks up a decision another tab made when the page becomes visible again', () => {
    const { options, cookies } = memoryOptions();
    // Core follows other tabs by default only with the real cookie jar; this test's jar is in memory.
    render(
      <ConsentProvider config={config} options={{ ...options, crossTab: true }}>
        <Status />
      </ConsentProvider>,
    );
    expect(bannerShown()).toBe(true);
    // Another tab rejected everything: no grant changes, so only a re-read can notice.
    cookies.set('consentry', decidedCookie('rejectAll'), {});
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByRole('status').textContent).toBe('decided:stats-off');
    expect(bannerShown()).toBe(false);
  });
});
