import type { VendorRule } from '@consentry/blocker';
import type { CompactCatalog } from '@consentry/vendors';
import { failClosedWall, ruleMatcher, type RuleMatcher, type Wall } from './wall.js';

// The few parts of a ServiceWorkerGlobalScope the worker uses (the workspace compiles against DOM types).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface InstallEvent extends ExtendableEvent {
  /** Chrome's static routing (ServiceWorker Static Routing API); absent elsewhere. */
  addRoutes?(rules: unknown): Promise<void>;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
export interface WorkerScope {
  readonly location: { href: string; origin: string; hostname: string; protocol: string; port: string; search: string };
  readonly clients: { claim(): Promise<void> };
  readonly cookieStore?: { get(name: string): Promise<{ name: string; value: string } | null | undefined> };
  skipWaiting(): Promise<void>;
  fetch(input: Request, init?: RequestInit): Promise<Response>;
  addEventListener(type: 'install', listener: (event: InstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const log = (...args: unknown[]) => console.error('[consentry] service worker:', ...args);

/** The config slice the guard put in the worker's URL (`?config=…`); anything unreadable is `null`. */
export function configFromUrl(search: string): unknown {
  try {
    return JSON.parse(new URLSearchParams(search).get('config') ?? 'null');
  } catch {
    return null;
  }
}

/**
 * Static routes (Chrome 123+): navigations, and cross-origin requests to no vendor's host, go to the
 * network without waking the worker. What it still sees: first-party subresources (a redirect to a
 * tracker) and the vendors' hosts.
 */
export function staticRoutes(rules: readonly VendorRule[], here: WorkerScope['location'], Pattern: new (init: object) => unknown, firstPartyToNetwork = false): unknown[] {
  const own = { urlPattern: new Pattern({ protocol: here.protocol.slice(0, -1), hostname: here.hostname, port: here.port }) };
  const patterns = [own];
  for (const rule of rules) {
    for (const raw of rule.hosts) {
      // An endpoint rule (`*/g/collect?tid`) names no host: the worker checks those itself on first
      // party, and URLPattern would read its `?` as syntax (an exception here lost every route).
      if (raw.startsWith('*/')) continue;
      const slash = raw.indexOf('/');
      const host = (slash < 0 ? raw : raw.slice(0, slash)).toLowerCase().replace(/^\*?\./, '');
      // A host suffix matches its subdomains, as in the blocker; a path rule matches that path and below.
      patterns.push({ urlPattern: new Pattern({ hostname: `{*.}?${host}`, ...(slash < 0 ? {} : { pathname: `${raw.slice(slash)}*` }) }) });
    }
  }
  return [
    { condition: { requestMode: 'navigate' }, source: 'network' },
    ...(firstPartyToNetwork ? [{ condition: own, source: 'network' }] : []),
    { condition: { not: { or: patterns } }, source: 'network' },
  ];
}

/**
 * The worker: refuses every request to a vendor the consent cookie does not grant, from every page,
 * worker, stylesheet, font or redirect it controls. Grants are read at each request (`cookieStore`),
 * or, where a worker has no `cookieStore`, from what the pages post; before either, nothing is granted.
 */
export function startServiceWorker(sw: WorkerScope, index: CompactCatalog, imported?: { config: unknown }): Wall {
  const wall = failClosedWall(imported ? imported.config : configFromUrl(sw.location.search), index, (error) =>
    log(`its URL carries no valid config (${error instanceof Error ? error.message : String(error)}); every vendor stays refused. Let the guard register it ("serviceWorker" in the config).`),
  );
  const base = sw.location.href;
  // `?firstParty=network` in the worker's path: first-party requests never wake it, and a first-party
  // redirect to a tracker is left to the CSP layers (docs/service-worker.md measures the trade).
  const firstPartyToNetwork = new URLSearchParams(sw.location.search).get('firstParty') === 'network';
  const anyVendor = ruleMatcher(wall.rules, base);
  let posted: string | undefined;
  let last: { header: string | undefined; denied: VendorRule[]; match: RuleMatcher } | undefined;

  async function denied(): Promise<NonNullable<typeof last>> {
    let header = posted;
    if (sw.cookieStore) {
      try {
        const c = await sw.cookieStore.get(wall.config.cookie.name);
        header = c ? `${c.name}=${c.value}` : undefined;
      } catch {
        header = undefined; // unreadable: nothing granted
      }
    }
    if (!last || last.header !== header) {
      const rules = wall.denied(header);
      last = { header, denied: rules, match: ruleMatcher(rules, base) };
    }
    return last;
  }

  // A network error, exactly what the page would see if the host did not answer.
  const refuse = () => Response.error();

  /**
   * A first-party request that redirects: a script cannot read where to (an opaque redirect hides
   * `Location`), so it is followed in `same-origin` mode, where the browser itself refuses a hop to
   * another origin before sending it. While any vendor is refused, such a hop is refused.
   */
  async function firstParty(request: Request): Promise<Response> {
    const { denied: rules } = await denied();
    if (rules.length === 0 || request.redirect !== 'follow') return sw.fetch(request);
    const again = request.clone();
    const response = await sw.fetch(request, { redirect: 'manual' });
    if (response.type !== 'opaqueredirect') return response;
    try {
      return await sw.fetch(again, { mode: 'same-origin' });
    } catch {
      return refuse();
    }
  }

  async function vendor(request: Request): Promise<Response> {
    return (await denied()).match(request.url) ? refuse() : sw.fetch(request);
  }

  sw.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.mode === 'navigate') return;
    let origin: string;
    try {
      origin = new URL(request.url).origin;
    } catch {
      return;
    }
    // Imported into a site's own worker, its first-party requests stay that worker's (its caching).
    if (origin === sw.location.origin) {
      if (imported || firstPartyToNetwork) return;
      event.respondWith(firstParty(request));
    } else if (anyVendor(request.url)) {
      event.respondWith(vendor(request));
      // A site's own fetch listener (after importScripts) must not answer it a second time.
      event.stopImmediatePropagation();
    }
    // Anything else is no vendor's: the browser (or the site's own listener) fetches it.
  });
  sw.addEventListener('message', (event) => {
    const data = event.data as { consentry?: unknown } | null;
    if (data && typeof data.consentry === 'string') posted = data.consentry;
  });
  // The lifecycle of a site's own worker is the site's.
  if (imported) return wall;
  sw.addEventListener('install', (event) => {
    void sw.skipWaiting();
    const Pattern = (globalThis as { URLPattern?: new (init: object) => unknown }).URLPattern;
    if (!event.addRoutes || !Pattern) return;
    const routes = staticRoutes(wall.rules, sw.location, Pattern, firstPartyToNetwork);
    // Without `not` the worker still sees every request and decides itself.
    event.waitUntil(event.addRoutes(routes).catch(() => event.addRoutes!(routes.slice(0, -1)).catch(() => {})));
  });
  // Claimed at once: the rest of the first page view is held too.
  sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));
  return wall;
}
