/** @jsxImportSource react */
// Two providers on one document share its real cookie jar, as two tabs of one site share the
// browser's: a decision or withdrawal in one reaches the other's hooks and gates without a reload
// (core's cross-tab sync, started by createConsent; nothing React-specific wires it).
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentGate } from './consent-gate';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { useIsGranted } from './use-is-granted';
import { config as base } from './test-utils/fixtures';

const config = { ...base, cookie: { name: 'react_tabs' } };
afterEach(() => {
  cleanup();
  document.cookie = 'react_tabs=; path=/; max-age=0';
});

function Status({ tab }: { tab: string }) {
  return <p>{`${tab}: statistics ${useIsGranted('statistics') ? 'on' : 'off'}`}</p>;
}

describe('consent across tabs (React)', () => {
  it('a decision and a withdrawal in tab A reach tab B: hooks re-render, gated children mount and unmount', async () => {
    let tabA: ReturnType<typeof useConsent> | undefined;
    function GrabA() {
      tabA = useConsent();
      return null;
    }
    const log: string[] = [];
    function Embed() {
      useEffect(() => {
        log.push('mount');
        return () => void log.push('unmount');
      }, []);
      return <figure title="video">player</figure>;
    }
    render(
      <>
        <ConsentProvider config={config} options={{ gpc: false, secure: false }} ui={false}>
          <GrabA />
          <Status tab="A" />
        </ConsentProvider>
        <ConsentProvider config={config} options={{ gpc: false, secure: false }} ui={false} blocking={false}>
          <Status tab="B" />
          <ConsentGate category="targeting" fallback={<p>B: video blocked</p>}>
            <Embed />
          </ConsentGate>
        </ConsentProvider>
      </>,
    );
    expect(screen.getByText('B: statistics off')).toBeTruthy();
    act(() => tabA!.acceptAll());
    expect(screen.getByText('A: statistics on')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('B: statistics on')).toBeTruthy());
    expect(screen.getByTitle('video')).toBeTruthy();
    act(() => tabA!.update({ statistics: false, targeting: false }));
    await waitFor(() => expect(screen.getByText('B: statistics off')).toBeTruthy());
    expect(screen.getByText('B: video blocked')).toBeTruthy();
    expect(log).toEqual(['mount', 'unmount']);
  });
});
