import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { MAX_RECORD_BYTES, isUuid, noticeHash, validateNoticeRegistration } from '@consentry/protocol';
import { createAppender } from './appender.js';
import { createClientAddress } from './client-address.js';
import { mountConsole } from './console/index.js';
import { readBody, readJson } from './read-body.js';
import { createExportStream, parseExportQuery } from './export-stream.js';
import type { GvlCache } from './gvl.js';
import type { IpMode } from './ip.js';
import type { SigningKey } from './keys.js';
import { createNoticeCache, type NoticeCache } from './notice-cache.js';
import { createRateLimiter } from './rate-limit.js';
import { createRecordWriter, type RecordWriter } from './record-writer.js';
import { createSealer, toSealedRecord } from './seal.js';
import type { RegionResolver } from './region.js';
import type { StorageAdapter } from './storage/types.js';

export interface AppOptions {
  storage: StorageAdapter;
  signingKey: SigningKey;
  /** This writer's chain; default `main`. */
  chain?: string;
  /** Bearer token for export; null or absent switches the admin routes off (404). */
  adminToken?: string | null;
  allowedOrigins?: readonly string[];
  /** Records per minute per client IP; 0 = off. Default 60. */
  rateLimit?: number;
  storeIp?: IpMode;
  /** Addresses or CIDR blocks of reverse proxies whose X-Forwarded-For is believed; default none. */
  trustedProxies?: readonly string[];
  /** Cache of notice hashes on file; default bounded to 1,000. */
  noticeCache?: NoticeCache;
  now?: () => Date;
  /** Records decided longer ago than this are refused (400 at `timestamp`); null (retention off) or absent: 730 days. */
  retentionDays?: number | null;
  /** The console at /admin and the published guards at /s/ (docs/console.md); default on. */
  console?: { guardDir?: string | null; uiFile?: string | null; passwordCost?: { N: number; r: number; p: number } } | false;
  /** Answers `GET /v1/region` (docs/jurisdictions.md); absent: that route is 404. */
  region?: RegionResolver | null;
  /** The Global Vendor List copy for TCF sites (`CONSENTRY_GVL`); absent: `/v1/gvl/*` is 404. */
  gvl?: Pick<GvlCache, 'read'> | null;
}

export type AppEnv = { Variables: { clientAddress: string | null } };

/** The app plus what the server's direct fast path for `POST /v1/consents` needs. */
export interface ConsentryApp extends Hono<AppEnv> {
  recordWriter: RecordWriter;
  clientAddress: (socketAddress: string | null | undefined, forwardedFor: string | undefined) => string | null;
  originAllowed: (origin: string) => boolean;
}

/** Largest notice registration body: texts of a full banner and preferences dialog. */
export const MAX_NOTICE_BYTES = 256 * 1024;
const HISTORY_LIMIT = 1000;

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;
const problem = (c: Context, status: ErrorStatus, error: string, path?: string) =>
  c.json(path === undefined ? { error } : { error, path }, status);

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The HTTP API of docs/architecture.md, section 7, as a Hono app (call it in-process with `app.request`). */
export function createApp(options: AppOptions): ConsentryApp {
  const { storage, signingKey } = options;
  const chain = options.chain ?? 'main';
  const now = options.now ?? (() => new Date());
  const origins = new Set(options.allowedOrigins ?? []);
  const limiter = createRateLimiter(options.rateLimit ?? 60);
  const appender = createAppender(storage, chain, createSealer(signingKey));
  const adminDigest = options.adminToken ? digest(options.adminToken) : null;
  const notices = options.noticeCache ?? createNoticeCache();

  const originAllowed = (origin: string) => origins.has('*') || origins.has(origin);
  const resolveAddress = createClientAddress(options.trustedProxies ?? []);
  const clientAddress = (c: Context): string | null => {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined; // in-process app.request without a socket
    }
    return resolveAddress(socket, c.req.header('x-forwarded-for'));
  };
  const writer = createRecordWriter({ storage, appender, limiter, originAllowed, notices, storeIp: options.storeIp ?? 'truncated', now, pastMs: (options.retentionDays ?? 730) * 86_400_000 });
  const answer = (c: Context, a: { status: number; body: unknown; headers?: Record<string, string> }) => {
    for (const [k, v] of Object.entries(a.headers ?? {})) c.header(k, v);
    return c.json(a.body, a.status as 201);
  };

  const app = new Hono<AppEnv>() as ConsentryApp;
  app.recordWriter = writer;
  app.clientAddress = resolveAddress;
  app.originAllowed = originAllowed;
  app.onError((error, c) => {
    console.error('[consentry-server]', error);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => problem(c, 404, 'not found'));

  const publicCors = cors({
    origin: (origin) => (originAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    maxAge: 600,
  });
  app.use('/v1/consents', publicCors);
  app.use('/v1/consents/*', publicCors);
  app.use('/v1/notices', publicCors);
  app.use('/v1/notices/*', publicCors);
  app.use('/v1/keys', publicCors);
  app.use('/v1/region', publicCors);

  /** Rate limit and origin check shared by the two write routes. */
  const guardWrite = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const address = clientAddress(c);
    c.set('clientAddress', address);
    const refused = writer.guard(c.req.header('origin'), address);
    if (refused) return answer(c, refused);
    await next();
    return undefined;
  };

  app.get('/healthz', async (c) => {
    try {
      await storage.ping();
      return c.json({ status: 'ok', storage: storage.kind });
    } catch {
      return problem(c, 503, 'storage unavailable');
    }
  });

  // The visitor's own region, for a page that could not be given it (docs/jurisdictions.md); never cached.
  app.get('/v1/region', (c) => {
    if (!options.region) return problem(c, 404, 'region lookup is off; set CONSENTRY_REGION_HEADER or CONSENTRY_REGION_DATABASE');
    c.header('Cache-Control', 'private, no-store');
    return c.json({ region: options.region((name) => c.req.header(name), clientAddress(c)) });
  });

  app.get('/v1/keys', async (c) => {
    const rows = await storage.publicKeys();
    return c.json({
      keys: rows.map((k) => ({
        keyId: k.keyId,
        alg: 'Ed25519',
        publicKey: k.publicKey,
        jwk: { kty: 'OKP', crv: 'Ed25519', x: k.publicKey, kid: k.keyId },
        createdAt: k.createdAt,
        active: k.keyId === signingKey.keyId,
      })),
    });
  });

  // The vendor list for TCF sites: public data, fetched by the browser without credentials, usually
  // through the site's own origin (docs/tcf.md); never from IAB's servers.
  app.get('/v1/gvl/*', (c) => {
    if (!options.gvl) return problem(c, 404, 'the vendor list is not served here; start the server with CONSENTRY_GVL=on');
    const name = c.req.path.slice('/v1/gvl/'.length);
    const file = options.gvl.read(name);
    if (!file) {
      return name === 'vendor-list.json'
        ? problem(c, 503, 'the vendor list has not been fetched from IAB yet')
        : problem(c, 404, 'no such vendor list file; expected vendor-list.json, archives/vendor-list-v<N>.json or purposes-<lang>.json');
    }
    c.header('access-control-allow-origin', '*');
    c.header('cache-control', `public, max-age=${file.maxAge}`);
    c.header('x-content-type-options', 'nosniff');
    return c.body(new Uint8Array(file.body), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.post('/v1/consents', guardWrite, async (c) => answer(c, await writer.post(await readBody(c, MAX_RECORD_BYTES), c.get('clientAddress'))));

  app.get('/v1/consents/:consentId', async (c) => {
    const consentId = c.req.param('consentId');
    if (!isUuid(consentId)) return problem(c, 400, 'expected a UUID', 'consentId');
    const rows = await storage.listByConsentId(consentId.toLowerCase(), HISTORY_LIMIT);
    if (rows.length === 0) return problem(c, 404, 'no records for this consent id');
    const known = await storage.knownNotices([...new Set(rows.map((r) => r.noticeHash))]);
    return c.json({ consentId, records: rows.map((r) => ({ ...toSealedRecord(r), noticeOnFile: known.has(r.noticeHash) })) });
  });

  app.post('/v1/notices', guardWrite, async (c) => {
    const body = await readJson(c, MAX_NOTICE_BYTES);
    if (!body.ok) return body.status === 413 ? problem(c, 413, body.error) : problem(c, 400, body.error, '');
    const checked = validateNoticeRegistration(body.value);
    if (!checked.ok) return problem(c, 400, checked.error, checked.path);
    const notice = checked.value;
    if ((await noticeHash(notice)) !== notice.noticeHash) {
      return problem(c, 400, 'noticeHash is not the SHA-256 of the canonical { language, texts }', 'noticeHash');
    }
    const created = await storage.putNotice(notice, now().toISOString());
    notices.add(notice.noticeHash);
    return c.json({ noticeHash: notice.noticeHash, created }, created ? 201 : 200);
  });

  app.get('/v1/notices/:noticeHash', async (c) => {
    const hash = c.req.param('noticeHash');
    if (!/^[0-9a-f]{64}$/.test(hash)) return problem(c, 400, 'expected a lowercase SHA-256 hex digest', 'noticeHash');
    const notice = await storage.getNotice(hash);
    return notice ? c.json(notice) : problem(c, 404, 'notice not on file');
  });

  app.get('/v1/export', async (c) => {
    if (!adminDigest) return problem(c, 404, 'not found');
    const auth = c.req.header('authorization') ?? '';
    // The scheme is case-insensitive (RFC 9110 11.1): `bearer …` is as good as `Bearer …`.
    const token = /^bearer +/i.exec(auth) ? auth.replace(/^bearer +/i, '') : '';
    // Compare digests so both sides have the same length and the comparison takes constant time.
    if (!timingSafeEqual(digest(token), adminDigest)) {
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'admin bearer token required');
    }
    const query = parseExportQuery(c.req.query('from'), c.req.query('to'), c.req.query('format'));
    if (!query.ok) return problem(c, 400, query.error, query.path);
    const { stream, contentType } = createExportStream(storage, query.value);
    return c.body(stream, 200, {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="consentry-export.${query.value.format === 'csv' ? 'csv' : 'ndjson'}"`,
      'Cache-Control': 'no-store',
    });
  });

  if (options.console !== false) mountConsole(app, { storage, adminToken: options.adminToken ?? null, now, clientAddress, ...options.console });

  return app;
}
