import { MAX_RECORD_BYTES, validateRecord } from '@consentry/protocol';
import type { Appender } from './appender.js';
import { minimiseIp, type IpMode } from './ip.js';
import type { NoticeCache } from './notice-cache.js';
import { rateKey, type RateLimiter } from './rate-limit.js';
import { parseJson } from './read-body.js';
import { holdsRecord, toReceipt } from './seal.js';
import type { StorageAdapter } from './storage/types.js';

/** An HTTP answer without a framework: status, JSON body, extra headers. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const problem = (status: number, error: string, path?: string): Answer => ({ status, body: path === undefined ? { error } : { error, path } });

export interface RecordWriterOptions {
  storage: StorageAdapter;
  appender: Appender;
  limiter: RateLimiter;
  originAllowed(origin: string): boolean;
  notices: NoticeCache;
  storeIp: IpMode;
  now(): Date;
  /** How far before the server's time a decision may have been made (offline queues): the retention period. */
  pastMs: number;
}

/** How far after the server's time a decision may say it was made (a visitor's clock running fast). */
export const FUTURE_MS = 24 * 3_600_000;

/**
 * `POST /v1/consents` without the HTTP framework, so the same code serves Hono (in-process tests,
 * every other route) and the server's direct Node fast path for this one hot route.
 */
export function createRecordWriter(o: RecordWriterOptions) {
  const noticeOnFile = async (hash: string) => {
    if (o.notices.has(hash)) return true;
    const known = (await o.storage.knownNotices([hash])).has(hash);
    if (known) o.notices.add(hash);
    return known;
  };

  return {
    /** Rate limit and origin check, before the body is read; null lets the request through. */
    guard(origin: string | undefined, address: string | null): Answer | null {
      const wait = o.limiter.hit(rateKey(address));
      if (wait > 0) return { ...problem(429, 'too many requests'), headers: { 'Retry-After': String(wait) } };
      if (origin !== undefined && !o.originAllowed(origin)) return problem(403, 'origin not allowed');
      return null;
    },
    /** Validates and stores one record body (`null`: it was over the size limit). */
    async post(bytes: Uint8Array | null, address: string | null): Promise<Answer> {
      const body = parseJson(bytes, MAX_RECORD_BYTES);
      if (!body.ok) return body.status === 413 ? problem(413, body.error) : problem(400, body.error, '');
      const checked = validateRecord(body.value);
      if (!checked.ok) return problem(400, checked.error, checked.path);
      const record = checked.value;
      const received = o.now();
      // A decision "made" in 9999 would stay the visitor's latest decision for good; one made
      // before the retention period would be purged at the next sweep.
      const decided = Date.parse(record.timestamp);
      if (decided > received.getTime() + FUTURE_MS) return problem(400, "timestamp is more than 24 hours after the server's time", 'timestamp');
      if (decided < received.getTime() - o.pastMs) return problem(400, 'timestamp is older than the retention period', 'timestamp');
      let outcome;
      try {
        outcome = await o.appender.submit({ record, receivedAt: received.toISOString(), ip: minimiseIp(address, o.storeIp) });
      } catch (error) {
        console.error('[consentry-server] storing a record failed:', error);
        return problem(503, 'storage unavailable, retry later');
      }
      if (outcome.status === 'existing' && !holdsRecord(outcome.row, record)) {
        return problem(409, 'recordId was already used for a different record', 'recordId');
      }
      const onFile = await noticeOnFile(record.noticeHash).catch(() => false);
      // A replay gets the original answer, status included (idempotency-key semantics).
      return { status: 201, body: { ...toReceipt(outcome.row), noticeOnFile: onFile } };
    },
  };
}

export type RecordWriter = ReturnType<typeof createRecordWriter>;
