// @vitest-environment happy-dom
// One fail-closed path (createConsentry's), the same for every shell: a config with an error logs
// its path, grants nothing, shows no banner, and still holds gated markup and known trackers.
import { afterAll, describe, expect, it, vi } from 'vitest';

const bad = { categories: { statistcs: {} }, vendors: { 'google-analytics': { id: 'G-CLOSED1' } } };
const gated = '<script type="text/plain" data-category="statistics" id="gated">window.__ran = 1</script>';

/** Each shell's way to start Consentry with `bad`; returns how to take it down again. */
const shells: Array<[string, () => Promise<() => void>]> = [
  ['a plain npm app (createConsentry)', async () => {
    const { createConsentry } = await import('../../packages/assembly/src/index.js');
    const { googleAnalytics } = await import('../../packages/vendors/src/index.js');
    const door = createConsentry(bad as never, { vendors: [googleAnalytics] });
    expect(door.consent).toBeNull();
    expect(door.error?.message).toMatch(/categories\.statistcs/);
    return () => door.destroy();
  }],
  ['React (<ConsentProvider>)', async () => {
    const React = await import('../../packages/react/src/test-utils/react-env.js');
    const { ConsentProvider } = await import('../../packages/react/src/index.js');
    const { googleAnalytics } = await import('../../packages/vendors/src/index.js');
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const root = React.createRoot(document.body.appendChild(document.createElement('div')));
    await React.act(async () => root.render(React.createElement(ConsentProvider, { config: bad as never, vendors: [googleAnalytics] })));
    return () => void React.act(() => root.unmount());
  }],
  ['Vue (<ConsentProvider>)', async () => {
    const { createApp, h } = await import('vue');
    const { ConsentProvider } = await import('../../packages/vue/src/index.js');
    const { googleAnalytics } = await import('../../packages/vendors/src/index.js');
    const app = createApp({ render: () => h(ConsentProvider, { config: bad as never, options: { vendors: [googleAnalytics] } }) });
    app.mount(document.body.appendChild(document.createElement('div')));
    return () => app.unmount();
  }],
  ['Svelte (provideConsent)', async () => {
    const { mount, unmount, flushSync } = await import('svelte');
    const { default: App } = await import('../../packages/svelte/src/test-utils/App.svelte');
    const app = mount(App, { target: document.body.appendChild(document.createElement('div')), props: { config: bad as never } });
    flushSync();
    return () => void unmount(app);
  }],
  // Last: the script tag keeps its page (window.Consentry has no teardown).
  ['the script tag (window.Consentry.init)', async () => {
    const { createConsentryApi } = await import('../../packages/browser/src/index.js');
    const never = () => new Promise<never>(() => {});
    const api = createConsentryApi({ vendor: never, language: never, experience: never, proof: never });
    expect(api.init(bad)).toBe(false);
    expect(api.isGranted('statistics')).toBe(false);
    return () => {};
  }],
];

afterAll(() => vi.restoreAllMocks());

describe('every shell fails closed on a bad config, the same way', () => {
  it.each(shells)('%s', { timeout: 60_000 }, async (_, start) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = gated;
    const stop = await start();
    await new Promise((r) => setTimeout(r, 20));
    // The reason, with the config path.
    expect(errors.mock.calls.map((c) => c.join(' ')).join('\n')).toMatch(/categories\.statistcs: unknown category/);
    // Nothing shown, nothing run.
    expect(document.querySelector('consentry-ui')).toBeNull();
    expect(document.getElementById('gated')!.getAttribute('type')).toBe('text/plain');
    expect((window as { __ran?: number }).__ran).toBeUndefined();
    // A known tracker added by script is held too.
    const tag = document.createElement('script');
    tag.src = 'https://www.googletagmanager.com/gtag/js?id=G-CLOSED1';
    document.head.appendChild(tag);
    expect(tag.type).toBe('text/plain');
    tag.remove();
    stop();
    errors.mockRestore();
  });
});
