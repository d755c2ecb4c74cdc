import type { Consent } from '@consentry/assembly';
import { WALL_KEYS } from '@consentry/network-wall';

/** The config keys the worker decodes the consent cookie with, as JSON (computed at build time for a compiled guard). */
export const wallSlice = (raw: unknown): string => JSON.stringify(Object.fromEntries(WALL_KEYS.map((key) => [key, (raw as Record<string, unknown>)[key]])));

/**
 * Registers the network wall (docs/service-worker.md) when the config names it: at init, so the first
 * page view registers it (and, once it claims the page, the rest of that view is held too); never
 * waited for. Its URL carries the config keys it decodes the consent cookie with. Where pages have
 * `cookieStore`, so has the worker, which reads the cookie itself; elsewhere the cookies are posted on
 * every change (until then the worker refuses every vendor).
 */
export function registerServiceWorker(consent: Consent, slice: string, log: (...args: unknown[]) => void): void {
  const path = consent.config.serviceWorker;
  const sw = navigator.serviceWorker;
  if (!path || !sw) return;
  sw.register(`${path}${path.includes('?') ? '&' : '?'}config=${encodeURIComponent(slice)}`).catch(log);
  if ('cookieStore' in window) return;
  const post = () => sw.controller?.postMessage({ consentry: document.cookie });
  post();
  sw.addEventListener('controllerchange', post);
  consent.on('change', post);
}
