import { Hono, type Context } from 'hono';
import type { ConsoleStore, ConfigVersion } from './store.js';
import { bakeGuard, configEtag, type GuardFiles } from './delivery.js';

/**
 * How long a publish takes to reach visitors: the unversioned tag is cached this long by browsers and
 * CDNs (then revalidated by ETag). Versioned URLs never change and are cached for a year.
 */
export const PUBLISH_REACH_SECONDS = 300;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SITE = /^[a-z0-9][a-z0-9-]{0,62}$/;

const js = (c: Context, body: string | Uint8Array, etag: string, cache: string) => {
  c.header('ETag', etag);
  c.header('Cache-Control', cache);
  // Loaded by other origins' pages as a classic script.
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  c.header('X-Content-Type-Options', 'nosniff');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
};

/** The published guard per site: `/s/<site>/consentry.js` (latest) and `/s/<site>/v/<n>/consentry.js` (immutable). */
export function createDeliveryRoutes(store: ConsoleStore, files: GuardFiles) {
  const app = new Hono();
  const notFound = (c: Context, what: string) =>
    c.json({ error: what }, 404, { 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'cross-origin' });

  const version = async (c: Context): Promise<ConfigVersion | null> => {
    const site = c.req.param('site') ?? '';
    if (!SITE.test(site)) return null;
    const n = c.req.param('version');
    if (n === undefined) return store.version(site);
    return /^[1-9]\d{0,8}$/.test(n) ? store.version(site, Number(n)) : null;
  };

  const guard = async (c: Context, immutable: boolean) => {
    if (!files.available) return notFound(c, 'the guard is not built (pnpm build)');
    const v = await version(c);
    if (!v) return notFound(c, 'no published version for this site');
    const etag = `"${v.site}-${v.version}-${configEtag(v.config)}-${files.build}"`;
    return js(c, bakeGuard(v.config, files.guard), etag, immutable ? IMMUTABLE : `public, max-age=${PUBLISH_REACH_SECONDS}, must-revalidate`);
  };
  app.get('/s/:site/consentry.js', (c) => guard(c, false));
  app.get('/s/:site/v/:version/consentry.js', (c) => guard(c, true));

  // The files the guard loads beside itself: the same for every site and version of one build.
  const sibling = (c: Context) => {
    const rel = `${c.req.param('dir')}/${c.req.param('file')}`;
    const file = files.sibling(rel);
    return file ? js(c, file, `"${files.build}"`, IMMUTABLE) : notFound(c, 'no such file');
  };
  app.get('/s/:site/:dir/:file', sibling);
  app.get('/s/:site/v/:version/:dir/:file', sibling);
  return app;
}
