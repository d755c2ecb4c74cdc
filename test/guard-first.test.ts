// @vitest-environment happy-dom
// Its own file: the blocker is one per page. With every file still on its way, the script tag's
// guard (Consent Mode defaults, then the blocker) is in place before init() returns.
import { expect, it, vi } from 'vitest';

const trace: string[] = [];
vi.mock('../packages/vendors/src/index.js', async (original) => {
  const m = await original<typeof import('../packages/vendors/src/index.js')>();
  return { ...m, createConsentMode: (...a: Parameters<typeof m.createConsentMode>) => (trace.push('consent-mode'), m.createConsentMode(...a)) };
});
vi.mock('../packages/blocker/src/index.js', async (original) => {
  const m = await original<typeof import('../packages/blocker/src/index.js')>();
  return { ...m, createGuardBlocker: (...a: Parameters<typeof m.createGuardBlocker>) => (trace.push('blocker'), m.createGuardBlocker(...a)) };
});

it('holds trackers and pushes Consent Mode defaults synchronously, before stage 2 arrives', async () => {
  const { createConsentryApi } = await import('../packages/browser/src/index.js');
  const never = () => new Promise<never>(() => {});
  document.body.innerHTML = '<script type="text/plain" data-category="statistics">window.__ran = 1</script>';
  const api = createConsentryApi({ vendor: never, language: never, experience: never, proof: never });
  expect(api.init({ categories: { statistics: {} }, vendors: { 'google-analytics': { id: 'G-GUARD1' } } })).toBe(true);
  expect(trace).toEqual(['consent-mode', 'blocker']);
  const dataLayer = (window as unknown as { dataLayer: IArguments[] }).dataLayer;
  expect([...dataLayer[0]!].slice(0, 2)).toEqual(['consent', 'default']);
  // The API works at once; what needs stage 2 (the dialog) waits for it.
  expect(document.querySelector('script[type="text/plain"]')).not.toBeNull();
  api.acceptAll();
  await new Promise((r) => setTimeout(r, 5));
  expect(document.querySelector('script[type="text/plain"]')).toBeNull(); // released by the guard, no stage 2 needed
});
