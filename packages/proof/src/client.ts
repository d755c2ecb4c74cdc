import type { Consent, ConsentEvent } from '@consentry/core';
import { noticeHash, validateRecord, type ConsentRecord, type Notice, type Receipt } from '@consentry/protocol';
import { buildRecord } from './build-record.js';
import { createSafeStorage, type ProofStorage } from './safe-storage.js';

export interface ProofClientOptions {
  /** `POST` target for records, e.g. `https://consent.example.com/v1/consents`. */
  endpoint: string;
  /** The exact texts on screen, in the language shown; hashed into `noticeHash`. */
  getNotice: () => Notice;
  /** Where texts are registered; default `notices` beside the endpoint (`…/v1/notices`). */
  noticesEndpoint?: string;
  fetch?: typeof fetch;
  storage?: ProofStorage;
  /** Most records kept for retry; the oldest is dropped beyond it. Default 50. */
  queueLimit?: number;
  now?: () => number;
  /** Called with the outcome of every decision's send. */
  onResult?: (result: ProofResult) => void;
}

/** A receipt as kept in the browser, with enough context to show it to the visitor. */
export interface ProofReceipt extends Receipt {
  consentId: string;
  timestamp: string;
  method: ConsentRecord['method'];
}

export type ProofResult =
  | { ok: true; status: 'stored'; receipt: ProofReceipt }
  | { ok: false; status: 'queued'; recordId: string; error: string }
  | { ok: false; status: 'rejected'; recordId: string; httpStatus: number; error: string }
  | { ok: false; status: 'failed'; error: string };

export type FlushResult = { ok: true; sent: number; remaining: 0 } | { ok: false; sent: number; remaining: number; error: string };

export interface ProofClient {
  /** Sends queued records now, oldest first (ignores the backoff). */
  flush(): Promise<FlushResult>;
  getReceipts(): ProofReceipt[];
  /** Records waiting for retry. */
  pending(): number;
  /** Resolves when every send started so far has settled. */
  idle(): Promise<void>;
  destroy(): void;
}

const QUEUE_KEY = 'consentry.proof.queue';
const RECEIPTS_KEY = 'consentry.proof.receipts';
const NOTICES_KEY = 'consentry.proof.notices';
const MAX_RECEIPTS = 20;
const MAX_KNOWN_NOTICES = 20;
const MAX_PENDING_NOTICES = 3;

interface QueueState {
  attempts: number;
  nextAt: number;
  records: ConsentRecord[];
}
interface NoticeState {
  /** Hashes the server is known to hold: their texts are never sent again. */
  known: string[];
  /** Texts waiting to be registered, by hash. */
  pending: Record<string, Notice>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isQueue = (v: unknown): v is QueueState => isObject(v) && typeof v['attempts'] === 'number' && typeof v['nextAt'] === 'number' && Array.isArray(v['records']);
const isReceipts = (v: unknown): v is ProofReceipt[] => Array.isArray(v);
const isNotices = (v: unknown): v is NoticeState => isObject(v) && Array.isArray(v['known']) && isObject(v['pending']);
const isReceipt = (v: unknown, recordId: string): v is Receipt =>
  isObject(v) && v['recordId'] === recordId && typeof v['seq'] === 'number' && typeof v['hash'] === 'string' && typeof v['signature'] === 'string' && typeof v['keyId'] === 'string';

/** Retry delay after `attempts` failed rounds: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

type SendOutcome =
  | { kind: 'stored'; receipt: Receipt; noticeOnFile: boolean }
  | { kind: 'retry'; error: string }
  | { kind: 'rejected'; status: number; error: string };

/**
 * Sends a consent record for every decision of `consent`. Failures never reach the page: results
 * are `{ ok, … }` values, problems are logged with `console.error`.
 */
export function createProofClient(consent: Consent, options: ProofClientOptions): ProofClient {
  const store = createSafeStorage(options.storage);
  const now = options.now ?? Date.now;
  const queueLimit = Math.max(1, options.queueLimit ?? 50);
  const doFetch = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
  let noticesUrl = options.noticesEndpoint ?? '';
  try {
    noticesUrl ||= new URL('notices', new URL(options.endpoint, globalThis.location?.href)).href;
  } catch {
    console.error(`[consentry] proof: endpoint "${options.endpoint}" is not a valid URL; records will not be sent`);
  }
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };

  const readQueue = () => store.read<QueueState>(QUEUE_KEY, { attempts: 0, nextAt: 0, records: [] }, isQueue);
  const readNotices = () => store.read<NoticeState>(NOTICES_KEY, { known: [], pending: {} }, isNotices);

  async function post(url: string, body: string): Promise<Response> {
    if (!doFetch) throw new Error('fetch is not available');
    return doFetch(url, {
      method: 'POST',
      body,
      // keepalive lets a decision made just before leaving the page still arrive; text/plain keeps
      // it a CORS "simple" request, so no preflight is needed (the server reads JSON regardless).
      keepalive: body.length < 60_000,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      mode: 'cors',
    });
  }

  async function send(record: ConsentRecord): Promise<SendOutcome> {
    let res: Response;
    try {
      res = await post(options.endpoint, JSON.stringify(record));
    } catch (error) {
      return { kind: 'retry', error: `network error: ${(error as Error)?.message ?? error}` };
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.status >= 500 || res.status === 429 || res.status === 408) return { kind: 'retry', error: `server answered ${res.status}` };
    if (!res.ok) {
      const why = isObject(body) ? `${String(body['error'])}${body['path'] ? ` at ${String(body['path'])}` : ''}` : `HTTP ${res.status}`;
      return { kind: 'rejected', status: res.status, error: why };
    }
    if (!isReceipt(body, record.recordId)) return { kind: 'retry', error: 'server answered without a valid receipt' };
    const { recordId, seq, hash, signature, keyId } = body;
    return { kind: 'stored', receipt: { recordId, seq, hash, signature, keyId }, noticeOnFile: isObject(body) && body['noticeOnFile'] === true };
  }

  function keepReceipt(record: ConsentRecord, receipt: Receipt): ProofReceipt {
    const kept: ProofReceipt = { ...receipt, consentId: record.consentId, timestamp: record.timestamp, method: record.method };
    const all = store.read<ProofReceipt[]>(RECEIPTS_KEY, [], isReceipts).filter((r) => r.recordId !== receipt.recordId);
    store.write(RECEIPTS_KEY, [...all, kept].slice(-MAX_RECEIPTS));
    return kept;
  }

  /** The server told us whether it holds this notice: remember it, or send the texts (once). */
  async function settleNotice(hash: string, onFile: boolean): Promise<void> {
    const state = readNotices();
    if (state.known.includes(hash)) return;
    const notice = state.pending[hash];
    if (!onFile) {
      if (!notice || !noticesUrl) return;
      try {
        const res = await post(noticesUrl, JSON.stringify({ noticeHash: hash, language: notice.language, texts: notice.texts }));
        if (!res.ok) {
          if (res.status === 400) console.error(`[consentry] proof: the server refused the notice texts for ${hash} (${res.status})`);
          return; // kept pending; tried again after the next stored record
        }
      } catch {
        return;
      }
    }
    const latest = readNotices();
    delete latest.pending[hash];
    latest.known = [...latest.known.filter((h) => h !== hash), hash].slice(-MAX_KNOWN_NOTICES);
    store.write(NOTICES_KEY, latest);
  }

  function enqueue(record: ConsentRecord): void {
    const q = readQueue();
    const records = [...q.records.filter((r) => r.recordId !== record.recordId), record];
    if (records.length > queueLimit) {
      console.error(`[consentry] proof: offline queue is full (${queueLimit}); dropping the oldest unsent record`);
    }
    const attempts = q.records.length === 0 ? 1 : q.attempts;
    store.write(QUEUE_KEY, { attempts, nextAt: q.records.length === 0 ? now() + backoffMs(1) : q.nextAt, records: records.slice(-queueLimit) });
  }

  function dequeue(recordId: string): void {
    const q = readQueue();
    store.write(QUEUE_KEY, { ...q, records: q.records.filter((r) => r.recordId !== recordId) });
  }

  async function drain(force: boolean): Promise<FlushResult> {
    const q = readQueue();
    if (q.records.length === 0) return { ok: true, sent: 0, remaining: 0 };
    if (!force && now() < q.nextAt) return { ok: false, sent: 0, remaining: q.records.length, error: 'waiting for the retry backoff' };
    let sent = 0;
    for (const record of q.records) {
      const outcome = await send(record);
      if (outcome.kind === 'retry') {
        const latest = readQueue();
        const attempts = latest.attempts + 1;
        store.write(QUEUE_KEY, { ...latest, attempts, nextAt: now() + backoffMs(attempts) });
        return { ok: false, sent, remaining: latest.records.length, error: outcome.error };
      }
      dequeue(record.recordId);
      if (outcome.kind === 'rejected') {
        console.error(`[consentry] proof: the server refused queued record ${record.recordId}: ${outcome.error}`);
        continue;
      }
      sent += 1;
      keepReceipt(record, outcome.receipt);
      await settleNotice(record.noticeHash, outcome.noticeOnFile);
    }
    const latest = readQueue();
    store.write(QUEUE_KEY, { attempts: 0, nextAt: 0, records: latest.records });
    return latest.records.length === 0 ? { ok: true, sent, remaining: 0 } : { ok: false, sent, remaining: latest.records.length, error: 'new records were queued meanwhile' };
  }

  let flushing: Promise<FlushResult> | null = null;
  const flush = (force: boolean): Promise<FlushResult> =>
    (flushing ??= track(
      drain(force)
        .catch((error: unknown): FlushResult => ({ ok: false, sent: 0, remaining: readQueue().records.length, error: String(error) }))
        .finally(() => (flushing = null)),
    ));

  async function onDecision(event: Extract<ConsentEvent, { type: 'decision' }>): Promise<ProofResult> {
    let notice: Notice;
    try {
      notice = options.getNotice();
    } catch (error) {
      console.error('[consentry] proof: getNotice() threw; no record was sent for this decision', error);
      return { ok: false, status: 'failed', error: 'getNotice failed' };
    }
    const hash = await noticeHash(notice);
    const record = buildRecord(event.state, event.previous, event.source, {
      noticeHash: hash,
      language: notice.language,
      now: now(),
      location: globalThis.location,
      userAgent: globalThis.navigator?.userAgent ?? '',
    });
    const valid = validateRecord(record);
    if (!valid.ok) {
      console.error(`[consentry] proof: cannot build a valid consent record (${valid.path}: ${valid.error}); check the page URL and config`);
      return { ok: false, status: 'failed', error: `${valid.path}: ${valid.error}` };
    }
    const notices = readNotices();
    if (!notices.known.includes(hash) && !notices.pending[hash]) {
      const pending = Object.entries(notices.pending).slice(-(MAX_PENDING_NOTICES - 1));
      store.write(NOTICES_KEY, { known: notices.known, pending: { ...Object.fromEntries(pending), [hash]: notice } });
    }
    const outcome = await send(valid.value);
    if (outcome.kind === 'retry') {
      enqueue(valid.value);
      return { ok: false, status: 'queued', recordId: record.recordId, error: outcome.error };
    }
    if (outcome.kind === 'rejected') {
      console.error(`[consentry] proof: the server refused the consent record: ${outcome.error}`);
      return { ok: false, status: 'rejected', recordId: record.recordId, httpStatus: outcome.status, error: outcome.error };
    }
    const receipt = keepReceipt(valid.value, outcome.receipt);
    await settleNotice(hash, outcome.noticeOnFile);
    void flush(true); // the server answers again: send what earlier page views left behind
    return { ok: true, status: 'stored', receipt };
  }

  const unsubscribe = consent.on('decision', (event) => {
    void track(
      onDecision(event)
        .catch((error: unknown): ProofResult => {
          console.error('[consentry] proof: unexpected error while recording a decision', error);
          return { ok: false, status: 'failed', error: String(error) };
        })
        .then((result) => {
          try {
            options.onResult?.(result);
          } catch (error) {
            console.error('[consentry] proof: onResult threw', error);
          }
        }),
    );
  });
  const onOnline = () => void flush(true);
  globalThis.addEventListener?.('online', onOnline);
  void flush(false); // a new page view: retry what is queued, if the backoff allows

  return {
    flush: () => flush(true),
    getReceipts: () => store.read<ProofReceipt[]>(RECEIPTS_KEY, [], isReceipts).slice(),
    pending: () => readQueue().records.length,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    destroy() {
      unsubscribe();
      globalThis.removeEventListener?.('online', onOnline);
    },
  };
}
