/** @jsxImportSource react */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentGate } from './consent-gate';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { config, decidedCookie, memoryOptions, ui } from './test-utils/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Embed({ log }: { log: string[] }) {
  useEffect(() => {
    log.push('mount');
    return () => void log.push('unmount');
  }, [log]);
  return <figure title="video">YouTube player</figure>;
}

describe('ConsentGate', () => {
  it('renders the fallback until the category is granted, then mounts the children', () => {
    const { options } = memoryOptions();
    const log: string[] = [];
    render(
      <ConsentProvider config={config} options={options}>
        <ConsentGate category="targeting" fallback={<p>Video blocked</p>}>
          <Embed log={log} />
        </ConsentGate>
      </ConsentProvider>,
    );
    expect(screen.getByText('Video blocked')).toBeTruthy();
    expect(screen.queryByTitle('video')).toBeNull();
    expect(log).toEqual([]);
    fireEvent.click(ui().getByRole('button', { name: 'Accept all' }));
    expect(screen.queryByText('Video blocked')).toBeNull();
    expect(screen.getByTitle('video')).toBeTruthy();
    expect(log).toEqual(['mount']);
  });

  it('unmounts the children when consent is withdrawn', () => {
    const { options } = memoryOptions({ consentry: decidedCookie('acceptAll') });
    const log: string[] = [];
    let api: ReturnType<typeof useConsent> | undefined;
    function Grab() {
      api = useConsent();
      return null;
    }
    render(
      <ConsentProvider config={config} options={options}>
        <Grab />
        <ConsentGate vendor="youtube" fallback={<p>Video blocked</p>}>
          <Embed log={log} />
        </ConsentGate>
      </ConsentProvider>,
    );
    expect(screen.getByTitle('video')).toBeTruthy();
    act(() => api!.update({ vendors: { youtube: false } }));
    expect(screen.queryByTitle('video')).toBeNull();
    expect(screen.getByText('Video blocked')).toBeTruthy();
    expect(log).toEqual(['mount', 'unmount']);
  });

  it('gates a vendor on its own switch and its category', () => {
    const { options } = memoryOptions({ consentry: decidedCookie({ statistics: true, targeting: false }) });
    render(
      <ConsentProvider config={config} options={options} ui={false}>
        <ConsentGate vendor="google-analytics">
          <p>ga</p>
        </ConsentGate>
        <ConsentGate vendor="youtube">
          <p>yt</p>
        </ConsentGate>
        <ConsentGate category="statistics">
          <p>stats</p>
        </ConsentGate>
        <ConsentGate category="necessary">
          <p>necessary</p>
        </ConsentGate>
      </ConsentProvider>,
    );
    expect(screen.getByText('ga')).toBeTruthy();
    expect(screen.queryByText('yt')).toBeNull();
    expect(screen.getByText('stats')).toBeTruthy();
    expect(screen.getByText('necessary')).toBeTruthy();
  });

  it('renders nothing without a fallback, and nothing when called without a target from plain JS', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { options } = memoryOptions();
    const { container } = render(
      <ConsentProvider config={config} options={options} ui={false}>
        <ConsentGate category="targeting">
          <p>ad</p>
        </ConsentGate>
        {/* @ts-expect-error neither category nor vendor */}
        <ConsentGate fallback={<p>nothing to check</p>}>
          <p>unguarded</p>
        </ConsentGate>
      </ConsentProvider>,
    );
    expect(container.innerHTML).toBe('<p>nothing to check</p>');
  });

  it('lets the fallback reopen the preferences', () => {
    const { options } = memoryOptions({ consentry: decidedCookie('rejectAll') });
    function Placeholder() {
      const { showPreferences } = useConsent();
      return <button onClick={(e) => showPreferences(e.currentTarget)}>Allow video</button>;
    }
    render(
      <ConsentProvider config={config} options={options}>
        <ConsentGate category="targeting" fallback={<Placeholder />}>
          <p>video</p>
        </ConsentGate>
      </ConsentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Allow video' }));
    fireEvent.click(ui().getByRole('switch', { name: /targeting|marketing/i }));
    fireEvent.click(ui().getByRole('button', { name: 'Save preferences' }));
    expect(screen.getByText('video')).toBeTruthy();
  });
});
