/** @jsxImportSource react */
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { useIsGranted } from './use-is-granted';
import { bannerShown, config, decidedCookie, memoryOptions, ui } from './test-utils/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function wrapper(initial: Record<string, string> = {}, withUI = true) {
  const { options, cookies } = memoryOptions(initial);
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <ConsentProvider config={config} options={options} {...(withUI ? {} : { ui: false as const })}>
      {children}
    </ConsentProvider>
  );
  return { Wrapper, cookies };
}

describe('useConsent', () => {
  it('gives the engine state and re-renders on each decision', () => {
    const { Wrapper, cookies } = wrapper();
    const { result } = renderHook(() => useConsent(), { wrapper: Wrapper });
    expect(result.current.state.status).toBe('undecided');
    expect(result.current.state).toBe(result.current.consent?.getState());
    act(() => result.current.update({ statistics: true }));
    expect(result.current.state.status).toBe('decided');
    expect(result.current.state.choices).toEqual({ necessary: true, functional: false, statistics: true, targeting: false });
    expect(result.current.isGranted('statistics')).toBe(true);
    expect(result.current.isGranted({ vendor: 'google-analytics' })).toBe(true);
    expect(result.current.isGranted({ vendor: 'youtube' })).toBe(false);
    expect(cookies.get('consentry')).toBeDefined();
    act(() => result.current.acceptAll());
    expect(result.current.isGranted({ vendor: 'youtube' })).toBe(true);
    act(() => result.current.rejectAll());
    expect(result.current.isGranted('targeting')).toBe(false);
  });

  it('keeps actions stable and the result stable between unrelated renders', () => {
    const { Wrapper } = wrapper();
    const { result, rerender } = renderHook(() => useConsent(), { wrapper: Wrapper });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    act(() => first.acceptAll());
    expect(result.current).not.toBe(first);
    expect(result.current.acceptAll).toBe(first.acceptAll);
  });

  it('re-renders and asks again after reset, even when the decision granted nothing', () => {
    // Core emits 'change' only when grants change; reset after "Reject all" changes none.
    const { Wrapper, cookies } = wrapper({ consentry: decidedCookie('rejectAll') });
    const { result } = renderHook(() => useConsent(), { wrapper: Wrapper });
    expect(result.current.state.status).toBe('decided');
    expect(bannerShown()).toBe(false);
    act(() => result.current.reset());
    expect(result.current.state.status).toBe('undecided');
    expect(result.current.state.consentId).toBeNull();
    expect(cookies.get('consentry')).toBeUndefined();
    expect(bannerShown()).toBe(true);
  });

  it('opens the preferences dialog and the banner of the built-in UI', () => {
    const { Wrapper } = wrapper({ consentry: decidedCookie('acceptAll') });
    function Settings() {
      const { showPreferences, showBanner } = useConsent();
      return (
        <>
          <button onClick={(e) => showPreferences(e.currentTarget)}>Privacy settings</button>
          <button onClick={() => showBanner()}>Show banner</button>
        </>
      );
    }
    render(<Settings />, { wrapper: Wrapper });
    expect(ui().queryByRole('button', { name: 'Save preferences' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Privacy settings' }));
    expect(ui().getByRole('button', { name: 'Save preferences' })).toBeTruthy();
    expect(ui().getByRole('switch', { name: /statistics/i }).getAttribute('aria-checked')).toBe('true');
    expect(bannerShown()).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Show banner' }));
    expect(bannerShown()).toBe(true);
  });

  it('reflects a decision saved in the preferences dialog', () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useConsent(), { wrapper: Wrapper });
    act(() => result.current.showPreferences());
    fireEvent.click(ui().getByRole('switch', { name: /statistics/i }));
    fireEvent.click(ui().getByRole('button', { name: 'Save preferences' }));
    expect(result.current.state.choices.statistics).toBe(true);
    expect(result.current.state.choices.targeting).toBe(false);
    expect(result.current.state.method).toBe('custom');
  });

  it('outside a provider: logs once, grants nothing, actions do nothing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { result } = renderHook(() => ({ consent: useConsent(), granted: useIsGranted('necessary'), stats: useIsGranted('statistics') }));
    expect(result.current.consent.state.status).toBe('undecided');
    expect(result.current.consent.consent).toBeNull();
    expect(result.current.granted).toBe(true);
    expect(result.current.stats).toBe(false);
    act(() => result.current.consent.acceptAll());
    expect(result.current.stats).toBe(false);
    expect(error.mock.calls.filter((c) => String(c[0]).includes('<ConsentProvider>')).length).toBe(1);
  });
});

describe('useIsGranted', () => {
  it('follows a category and a vendor, a vendor only with its category', () => {
    const { Wrapper } = wrapper({}, false);
    const { result } = renderHook(
      () => ({ stats: useIsGranted('statistics'), yt: useIsGranted({ vendor: 'youtube' }), unknown: useIsGranted({ vendor: 'nope' }), api: useConsent() }),
      { wrapper: Wrapper },
    );
    expect(result.current).toMatchObject({ stats: false, yt: false, unknown: false });
    act(() => result.current.api.update({ targeting: true }));
    expect(result.current).toMatchObject({ stats: false, yt: true, unknown: false });
    act(() => result.current.api.update({ vendors: { youtube: false } }));
    expect(result.current.yt).toBe(false);
    act(() => result.current.api.update({ targeting: false, vendors: { youtube: true } }));
    expect(result.current.yt).toBe(false);
    act(() => result.current.api.acceptAll());
    expect(result.current).toMatchObject({ stats: true, yt: true, unknown: false });
  });

  it('re-renders only through the store: a decision from the engine itself is seen', () => {
    const { Wrapper } = wrapper({}, false);
    const { result } = renderHook(() => ({ stats: useIsGranted('statistics'), api: useConsent() }), { wrapper: Wrapper });
    act(() => result.current.api.consent?.acceptAll());
    expect(result.current.stats).toBe(true);
  });
});
