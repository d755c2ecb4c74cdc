import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { MAX_RECORD_BYTES, isUuid, noticeHash, validateNoticeRegistration, validateRecord } from '@consentry/protocol';
import { createAppender } from './appender.js';
import { readJson } from './read-body.js';
import { createExportStream, parseExportQuery } from './export-stream.js';
import { minimiseIp, type IpMode } from './ip.js';
import type { SigningKey } from './keys.js';
import { createRateLimiter } from './rate-limit.js';
import { createSealer, holdsRecord, toReceipt, toSealedRecord } from './seal.js';
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
  trustProxy?: boolean;
  now?: () => Date;
}

export type AppEnv = { Variables: { clientAddress: string | null } };

/** Largest notice registration body: texts of a full banner and preferences dialog. */
export const MAX_NOTICE_BYTES = 256 * 1024;
const HISTORY_LIMIT = 1000;

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;
const problem = (c: Context, status: ErrorStatus, error: string, path?: string) =>
  c.json(path === undefined ? { error } : { error, path }, status);

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The HTTP API of ARCHITECTURE section 7, as a Hono app (call it in-process with `app.request`). */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { storage, signingKey } = options;
  const chain = options.chain ?? 'main';
  const now = options.now ?? (() => new Date());
  const origins = new Set(options.allowedOrigins ?? []);
  const limiter = createRateLimiter(options.rateLimit ?? 60);
  const appender = createAppender(storage, chain, createSealer(signingKey));
  const adminDigest = options.adminToken ? digest(options.adminToken) : null;
  // Notices never change once stored, so a positive answer can be cached.
  const noticesOnFile = new Set<string>();

  const originAllowed = (origin: string) => origins.has('*') || origins.has(origin);
  const clientAddress = (c: Context): string | null => {
    if (options.trustProxy) {
      const hop = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (hop) return hop;
    }
    try {
      return getConnInfo(c).remote.address ?? null;
    } catch {
      return null; // in-process app.request: no socket
    }
  };
  const noticeOnFile = async (hash: string) => {
    if (noticesOnFile.has(hash)) return true;
    const known = (await storage.knownNotices([hash])).has(hash);
    if (known) {
      if (noticesOnFile.size > 10_000) noticesOnFile.clear();
      noticesOnFile.add(hash);
    }
    return known;
  };

  const app = new Hono<AppEnv>();
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

  /** Rate limit and origin check shared by the two write routes. */
  const guardWrite = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const address = clientAddress(c);
    c.set('clientAddress', address);
    const wait = limiter.hit(address ?? 'unknown');
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'too many requests');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin)) return problem(c, 403, 'origin not allowed');
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

  app.post('/v1/consents', guardWrite, async (c) => {
    const body = await readJson(c, MAX_RECORD_BYTES);
    if (!body.ok) return body.status === 413 ? problem(c, 413, body.error) : problem(c, 400, body.error, '');
    const checked = validateRecord(body.value);
    if (!checked.ok) return problem(c, 400, checked.error, checked.path);
    const record = checked.value;
    let outcome;
    try {
      outcome = await appender.submit({ record, receivedAt: now().toISOString(), ip: minimiseIp(c.get('clientAddress'), options.storeIp ?? 'truncated') });
    } catch (error) {
      console.error('[consentry-server] storing a record failed:', error);
      return problem(c, 503, 'storage unavailable, retry later');
    }
    if (outcome.status === 'existing' && !holdsRecord(outcome.row, record)) {
      return problem(c, 409, 'recordId was already used for a different record', 'recordId');
    }
    const onFile = await noticeOnFile(record.noticeHash).catch(() => false);
    // A replay gets the original answer, status included (idempotency-key semantics).
    return c.json({ ...toReceipt(outcome.row), noticeOnFile: onFile }, 201);
  });

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
    noticesOnFile.add(notice.noticeHash);
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
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
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

  return app;
}
