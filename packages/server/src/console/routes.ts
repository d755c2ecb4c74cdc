import { Hono, type Context, type Next } from 'hono';
import { readJson } from '../read-body.js';
import { createExportStream, parseExportQuery } from '../export-stream.js';
import type { StorageAdapter } from '../storage/types.js';
import { createAuth, createLoginThrottle, type Principal } from './auth.js';
import { catalogSummary, checkSiteConfig } from './config-check.js';
import { configEtag } from './delivery.js';
import { diffJson } from './diff.js';
import { decisionsPerDay } from './stats.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { createConsoleStore, type Role } from './store.js';

export interface ConsoleOptions {
  storage: StorageAdapter;
  adminToken?: string | null;
  now?: () => Date;
  /** scrypt cost; tests lower it. */
  passwordCost?: { N: number; r: number; p: number };
  clientAddress: (c: Context) => string | null;
}

type Env = { Variables: { principal: Principal } };
type Status = 400 | 401 | 403 | 404 | 409 | 413 | 429;
const problem = (c: Context, status: Status, error: string, path?: string, extra: Record<string, unknown> = {}) =>
  c.json({ error, ...(path === undefined ? {} : { path }), ...extra }, status);

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
const SITE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_CONFIG_BYTES = 256 * 1024;
const isRole = (r: unknown): r is Role => r === 'owner' || r === 'marketer';

/** The console's API under /admin/api: accounts, audit log, sites, drafts, publish, versions, owner export. */
export function createConsoleApi(options: ConsoleOptions) {
  const store = createConsoleStore(options.storage.sql, options.now);
  const auth = createAuth(store, options.adminToken);
  const throttle = createLoginThrottle();
  const api = new Hono<Env>();

  // Every route but login needs a principal; every unsafe method of a cookie session needs the CSRF token.
  const signedIn = async (c: Context<Env>, next: Next) => {
    const p = await auth.principal(c);
    if (!p) {
      if (c.req.header('authorization')) c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'sign in first');
    }
    if (!['GET', 'HEAD'].includes(c.req.method) && !auth.csrfOk(c, p)) return problem(c, 403, 'missing or wrong CSRF token (x-csrf-token header)');
    c.set('principal', p);
    await next();
    return undefined;
  };
  const ownerOnly = async (c: Context<Env>, next: Next) => {
    if (c.get('principal').role !== 'owner') return problem(c, 403, 'only an owner may do this');
    await next();
    return undefined;
  };
  const body = async (c: Context) => {
    const b = await readJson(c, MAX_CONFIG_BYTES);
    if (!b.ok) return { error: b.status === 413 ? problem(c, 413, b.error) : problem(c, 400, b.error, '') };
    if (typeof b.value !== 'object' || b.value === null || Array.isArray(b.value)) return { error: problem(c, 400, 'expected a JSON object', '') };
    return { value: b.value as Record<string, unknown> };
  };
  const actor = (c: Context<Env>) => c.get('principal').email;

  // A cross-site page must not drive the API, not even the sign-in (login CSRF): a browser's unsafe
  // request names its Origin, and it must be this host. Non-browser clients send none.
  api.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (!['GET', 'HEAD'].includes(c.req.method) && origin !== undefined) {
      let host = '';
      try {
        host = new URL(origin).host;
      } catch {
        host = '';
      }
      if (host !== new URL(c.req.url).host && host !== c.req.header('host')) return problem(c, 403, 'cross-origin request refused');
    }
    await next();
    return undefined;
  });

  api.post('/login', async (c) => {
    const b = await body(c);
    if (b.error) return b.error;
    const email = String(b.value['email'] ?? '').toLowerCase();
    const keys = [`email:${email}`, `ip:${options.clientAddress(c) ?? 'unknown'}`];
    const wait = throttle.blocked(keys);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, `too many failed sign-ins; try again in ${wait} s`);
    }
    const account = await store.account(email);
    const password = typeof b.value['password'] === 'string' ? (b.value['password'] as string) : '';
    // Hash even for an unknown email, so the answer takes the same time either way.
    const ok = account ? await verifyPassword(password, account.passwordHash) : (await hashPassword(password, options.passwordCost), false);
    if (!account || !ok) {
      throttle.fail(keys);
      return problem(c, 401, 'wrong email or password');
    }
    throttle.succeed(keys);
    const csrf = await auth.startSession(c, account.email);
    return c.json({ email: account.email, role: account.role, csrf });
  });

  api.use('*', signedIn);

  api.get('/me', (c) => {
    const p = c.get('principal');
    return c.json({ email: p.email, role: p.role, csrf: p.csrf });
  });
  api.post('/logout', async (c) => {
    await auth.endSession(c, c.get('principal'));
    return c.json({ ok: true });
  });

  api.get('/accounts', ownerOnly, async (c) => c.json({ accounts: await store.accounts() }));
  api.post('/accounts', ownerOnly, async (c) => {
    const b = await body(c);
    if (b.error) return b.error;
    const email = String(b.value['email'] ?? '').toLowerCase();
    if (!EMAIL.test(email)) return problem(c, 400, 'expected an email address', 'email');
    if (!isRole(b.value['role'])) return problem(c, 400, 'expected "owner" or "marketer"', 'role');
    const weak = passwordProblem(b.value['password']);
    if (weak) return problem(c, 400, weak, 'password');
    const role = b.value['role'];
    const passwordHash = await hashPassword(b.value['password'] as string, options.passwordCost);
    const created = await store.createAccount({ email, role, passwordHash }, { actor: actor(c), action: 'account.create', subject: email, detail: { role } });
    return created ? c.json({ email, role }, 201) : problem(c, 409, 'an account with this email exists', 'email');
  });
  api.delete('/accounts/:email', ownerOnly, async (c) => {
    const email = (c.req.param('email') ?? '').toLowerCase();
    if (email === actor(c)) return problem(c, 409, 'you cannot delete your own account');
    const gone = await store.deleteAccount(email, { actor: actor(c), action: 'account.delete', subject: email });
    return gone ? c.json({ ok: true }) : problem(c, 404, 'no such account');
  });

  api.get('/audit', async (c) => {
    const before = Number(c.req.query('before') ?? 0);
    return c.json({ entries: await store.audit(200, Number.isInteger(before) && before > 0 ? before : undefined) });
  });

  api.get('/catalog', (c) => c.json({ vendors: catalogSummary() }));

  api.get('/sites', async (c) => c.json({ sites: await store.sites() }));
  api.post('/sites', async (c) => {
    const b = await body(c);
    if (b.error) return b.error;
    const site = b.value['site'];
    if (typeof site !== 'string' || !SITE.test(site)) return problem(c, 400, 'expected lowercase letters, digits and -', 'site');
    const name = typeof b.value['name'] === 'string' && b.value['name'] ? (b.value['name'] as string).slice(0, 200) : site;
    const draft = b.value['config'] ?? { revision: 1, vendors: {} };
    const created = await store.createSite({ site, name, draft }, { actor: actor(c), action: 'site.create', subject: site, detail: { name } });
    return created ? c.json({ site, name }, 201) : problem(c, 409, 'a site with this id exists', 'site');
  });

  const siteOr404 = async (c: Context) => {
    const site = await store.site(c.req.param('site') ?? '');
    return site ?? null;
  };

  api.get('/sites/:site', async (c) => {
    const site = await siteOr404(c);
    if (!site) return problem(c, 404, 'no such site');
    const published = await store.version(site.site);
    const checked = checkSiteConfig(site.draft);
    return c.json({ ...site, published, issues: checked.ok ? [] : checked.issues });
  });

  // A draft is saved even when invalid (work in progress); its issues come back with their paths.
  api.put('/sites/:site/draft', async (c) => {
    const b = await body(c);
    if (b.error) return b.error;
    const site = await siteOr404(c);
    if (!site) return problem(c, 404, 'no such site');
    const config = b.value['config'];
    const changes = diffJson(site.draft, config);
    await store.saveDraft(site.site, config, { actor: actor(c), action: 'draft.save', subject: site.site, detail: { changes } });
    const checked = checkSiteConfig(config);
    return c.json({ saved: true, issues: checked.ok ? [] : checked.issues });
  });

  /** What publishing would change: the draft (or `?version=n`, a roll back) against the live version. */
  api.get('/sites/:site/diff', async (c) => {
    const site = await siteOr404(c);
    if (!site) return problem(c, 404, 'no such site');
    const live = await store.version(site.site);
    const from = c.req.query('version');
    const target = from === undefined ? site.draft : (await store.version(site.site, Number(from)))?.config;
    if (target === undefined) return problem(c, 404, 'no such version', 'version');
    return c.json({ live: live?.version ?? null, changes: diffJson(live?.config ?? {}, target) });
  });

  api.post('/sites/:site/publish', async (c) => {
    const b = await body(c);
    if (b.error) return b.error;
    const site = await siteOr404(c);
    if (!site) return problem(c, 404, 'no such site');
    const live = await store.version(site.site);
    // The diff the person saw names the live version it was made against; a publish in between refuses.
    if ('expectLive' in b.value && (b.value['expectLive'] ?? null) !== (live?.version ?? null)) {
      return problem(c, 409, `version ${live?.version} was published meanwhile; review the diff again`, 'expectLive');
    }
    const from = b.value['fromVersion'];
    let config: unknown = site.draft;
    if (from !== undefined) {
      const older = typeof from === 'number' ? await store.version(site.site, from) : null;
      if (!older) return problem(c, 404, 'no such version', 'fromVersion');
      config = older.config;
    }
    const checked = checkSiteConfig(config);
    if (!checked.ok) return problem(c, 400, 'the config has errors', checked.issues[0]?.path, { issues: checked.issues });
    const changes = diffJson(live?.config ?? {}, config);
    const version = await store.publish(site.site, config, configEtag(config), {
      actor: actor(c),
      action: from === undefined ? 'publish' : 'rollback',
      subject: site.site,
      detail: { version: (live?.version ?? 0) + 1, ...(from === undefined ? {} : { fromVersion: from }), changes },
    });
    return c.json(version, 201);
  });

  api.get('/sites/:site/versions', async (c) => c.json({ versions: await store.versions(c.req.param('site')) }));

  // Statistics for owners and marketers: aggregates only, never a record.
  api.get('/stats', async (c) => {
    const now = (options.now ?? (() => new Date()))();
    const from = c.req.query('from') ?? new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const to = c.req.query('to') ?? new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) return problem(c, 400, 'expected a date like 2026-12-01', name);
    }
    return c.json({ from, to, days: await decisionsPerDay(options.storage, `${from}T00:00:00.000Z`, `${to}T00:00:00.000Z`) });
  });

  // Proof export for owners (marketers see statistics, not records).
  api.get('/export', ownerOnly, async (c) => {
    const query = parseExportQuery(c.req.query('from'), c.req.query('to'), c.req.query('format'));
    if (!query.ok) return problem(c, 400, query.error, query.path);
    await store.note({ actor: actor(c), action: 'proofs.export', subject: query.value.format, detail: { from: query.value.from ?? null, to: query.value.to ?? null } });
    const { stream, contentType } = createExportStream(options.storage, query.value);
    return c.body(stream, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });

  return { api, store };
}
