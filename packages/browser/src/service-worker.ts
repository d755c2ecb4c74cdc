import type { Consent } from '@consentry/core';
import { WALL_KEYS } from '@consentry/network-wall';

/**
 * Registers the network wall (docs/service-worker.md) when the config names it: at init, so the first
 * page view registers it (and, once it claims the page, the rest of that view is held too). Its URL
 * carries the config keys it decodes the consent cookie with; a worker without `cookieStore` gets the
 * cookies posted on every change (until then it refuses every vendor).
 */
export function registerServiceWorker(consent: Consent, raw: unknown, log: (...args: unknown[]) => void): void {
  const path = consent.config.serviceWorker;
  const sw = navigator.serviceWorker;
  if (!path || !sw) return;
  const slice: Record<string, unknown> = {};
  for (const key of WALL_KEYS) slice[key] = (raw as Record<string, unknown>)[key];
  sw.register(`${path}?config=${encodeURIComponent(JSON.stringify(slice))}`).catch((error: Error) =>
    log(`the service worker ${path} did not register (${error.message}); only the script guard holds this site's trackers.`),
  );
  const post = () => sw.controller?.postMessage({ consentry: document.cookie });
  post();
  sw.addEventListener('controllerchange', post);
  consent.on('change', post);
}
