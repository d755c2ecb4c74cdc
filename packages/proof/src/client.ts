import { randomId, type Consent, type ConsentEvent } from '@consentry/core';
import { noticeHashSync, type ConsentRecord, type Notice, type Receipt } from '@consentry/protocol';
import { buildRecord } from './build-record.js';
import { createNoticeRegistry } from './notices.js';
import { createSafeStorage, type ProofStorage } from './safe-storage.js';
import { post, sendRecord } from './send.js';

export type ProofDecision = Extract<ConsentEvent, { type: 'decision' }>;

export interface ProofClientOptions {
  /** `POST` target for records, e.g. `https://consent.example.com/v1/consents`. */
  endpoint: string;
  /**
   * The exact texts on screen, in the language shown; hashed into `noticeHash`. Called inside the
   * decision. Return `NO_NOTICE` when no Consentry texts are shown (a decision made through the API
   * before the banner mounted, or with the UI file missing); a throw is logged and treated the same.
   */
  getNotice?: () => Notice;
  /**
   * `false`: the client does not follow `consent`'s decisions itself; its owner hands each one to
   * `record(event, notice)` with the texts shown then (the assembly's recorder, which keeps
   * decisions made before the client arrived). Default true.
   */
  subscribe?: boolean;
  /** Where texts are registered; default `notices` beside the endpoint (`…/v1/notices`). */
  noticesEndpoint?: string;
  fetch?: typeof fetch;
  storage?: ProofStorage;
  /** Most records kept for retry (at least 2). When full, the oldest are kept and the newest replaces the one before it. Default 50. */
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
  /**
   * Records a decision the client did not see because it did not exist yet (made before it was
   * created), with the texts shown then. Call it for such decisions in the order they were made,
   * right after creating the client: they are queued ahead of any later decision.
   */
  record(event: ProofDecision, notice?: Notice | null): Promise<ProofResult>;
  /** Sends queued records now, oldest first (ignores the backoff). */
  flush(): Promise<FlushResult>;
  getReceipts(): ProofReceipt[];
  /** Records waiting to be sent (stored in localStorage, so they survive the page). */
  pending(): number;
  /** Resolves when every send started so far has settled. */
  idle(): Promise<void>;
  destroy(): void;
}

const QUEUE_KEY = 'consentry.proof.queue';
const RECEIPTS_KEY = 'consentry.proof.receipts';
const MAX_RECEIPTS = 20;
/** The notice of a decision made while no Consentry texts were on screen ("und": undetermined language). */
export const NO_NOTICE: Notice = Object.freeze({ language: 'und', texts: Object.freeze({}) });

interface QueueState {
  attempts: number;
  nextAt: number;
  /** In decision order: the first is sent first. */
  records: ConsentRecord[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isQueue = (v: unknown): v is QueueState => isObject(v) && typeof v['attempts'] === 'number' && typeof v['nextAt'] === 'number' && Array.isArray(v['records']);
const isReceipts = (v: unknown): v is ProofReceipt[] => Array.isArray(v);

/** Retry delay after `attempts` failed rounds: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

const log = (message: string, ...rest: unknown[]) => console.error(`[consentry] proof: ${message}`, ...rest);

/**
 * Records every decision of `consent`. Each record is built and stored in the queue inside the
 * decision itself (nothing async before it is safe from a page unload), then the queue is sent
 * oldest first, one at a time, so the server receives a visitor's decisions in the order made.
 * Failures never reach the page: results are `{ ok, … }` values, problems go to `console.error`.
 */
export function createProofClient(consent: Consent, options: ProofClientOptions): ProofClient {
  const store = createSafeStorage(options.storage);
  const now = options.now ?? Date.now;
  const queueLimit = Math.max(2, options.queueLimit ?? 50);
  const doFetch = options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
  let noticesUrl = options.noticesEndpoint ?? '';
  try {
    noticesUrl ||= new URL('notices', new URL(options.endpoint, globalThis.location?.href)).href;
  } catch {
    log(`endpoint "${options.endpoint}" is not a valid URL; records are kept until it is fixed`);
  }
  const notices = createNoticeRegistry(store, (body) => post(doFetch, noticesUrl, body), Boolean(noticesUrl));
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };
  /** What happened to the records this page sent, for each decision's result. */
  const outcomes = new Map<string, ProofResult>();
  const logged = new Set<string>();
  let lastError = '';
  /** When this page's last failed send may be retried (0: none failed, or it was sent since). */
  let retryAt = 0;

  const readQueue = () => store.read<QueueState>(QUEUE_KEY, { attempts: 0, nextAt: 0, records: [] }, isQueue);

  function keepReceipt(record: ConsentRecord, receipt: Receipt): ProofReceipt {
    const kept: ProofReceipt = { ...receipt, consentId: record.consentId, timestamp: record.timestamp, method: record.method };
    const all = store.read<ProofReceipt[]>(RECEIPTS_KEY, [], isReceipts).filter((r) => r.recordId !== receipt.recordId);
    store.write(RECEIPTS_KEY, [...all, kept].slice(-MAX_RECEIPTS));
    return kept;
  }

  function enqueue(record: ConsentRecord): void {
    const q = readQueue();
    let records = [...q.records, record];
    if (records.length > queueLimit) {
      // Oldest kept (the history starts there), newest kept (the decision in force): the one that
      // goes is the newest of the rest, already superseded by this decision.
      const dropped = records[queueLimit - 1]!;
      records = [...records.slice(0, queueLimit - 1), record];
      log(`${queueLimit} records are waiting for the consent server; record ${dropped.recordId} (superseded by a later decision) is dropped. Fix the delivery problem logged before this.`);
    }
    store.write(QUEUE_KEY, { ...q, records });
  }

  /** `settled`: the server answered about this record, so the backoff of past failures starts over. */
  function replaceQueued(recordId: string, next: ConsentRecord | null, settled = false): void {
    const q = readQueue();
    const records = q.records.flatMap((r) => (r.recordId !== recordId ? [r] : next ? [next] : []));
    store.write(QUEUE_KEY, settled ? { attempts: 0, nextAt: 0, records } : { ...q, records });
  }

  async function drain(): Promise<FlushResult> {
    let sent = 0;
    retryAt = 0;
    const seen = new Set<string>();
    for (;;) {
      const q = readQueue();
      const record = q.records[0];
      if (!record) {
        // Nothing is written for a visitor with nothing queued (no storage before it is needed).
        if (q.attempts || q.nextAt) store.write(QUEUE_KEY, { attempts: 0, nextAt: 0, records: [] });
        return { ok: true, sent, remaining: 0 };
      }
      // A record we already handled still at the head: storage did not take the change; stop.
      if (seen.has(record.recordId)) return { ok: false, sent, remaining: q.records.length, error: 'storage did not take the change' };
      seen.add(record.recordId);
      const outcome = await sendRecord(doFetch, options.endpoint, record);
      if (outcome.kind === 'retry' || outcome.kind === 'rekey') {
        if (outcome.kind === 'rekey') replaceQueued(record.recordId, { ...record, recordId: randomId() });
        else if (!outcome.offline && !logged.has(outcome.log)) {
          logged.add(outcome.log); // once per cause and page view
          log(outcome.log);
        }
        lastError = outcome.error;
        const latest = readQueue();
        const attempts = latest.attempts + 1;
        // Also kept here: a storage that drops writes must not turn the retry timer into a loop.
        retryAt = now() + backoffMs(attempts);
        store.write(QUEUE_KEY, { ...latest, attempts, nextAt: retryAt });
        return { ok: false, sent, remaining: latest.records.length, error: outcome.error };
      }
      // The server is up: a later failure waits 5 s again, not the grown backoff of an outage
      // (which would keep a decision made after it away from the server for minutes).
      replaceQueued(record.recordId, null, true);
      if (outcome.kind === 'rejected') {
        log(`the consent server refused record ${record.recordId} as invalid (${outcome.status}: ${outcome.error}); dropped, as sending it again cannot succeed. Please report this as a bug.`);
        outcomes.set(record.recordId, { ok: false, status: 'rejected', recordId: record.recordId, httpStatus: outcome.status, error: outcome.error });
        continue;
      }
      sent += 1;
      outcomes.set(record.recordId, { ok: true, status: 'stored', receipt: keepReceipt(record, outcome.receipt) });
      await notices.answered(record.noticeHash, outcome.noticeOnFile);
    }
  }

  // One drain at a time, so records leave in queue order. A flush asked for while one runs gets a
  // drain after it (which sees everything queued meanwhile).
  let running: Promise<FlushResult> | null = null;
  let next: Promise<FlushResult> | null = null;
  const start = (): Promise<FlushResult> =>
    (running = track(
      drain()
        .catch((error: unknown): FlushResult => ({ ok: false, sent: 0, remaining: readQueue().records.length, error: String(error) }))
        .finally(() => {
          running = null;
          if (retryAt) arm(); // a failed send: again when its backoff ends
        }),
    ));
  function flush(force: boolean): Promise<FlushResult> {
    const q = readQueue();
    if (!force && now() < q.nextAt) {
      arm();
      return Promise.resolve({ ok: false, sent: 0, remaining: q.records.length, error: 'waiting for the retry backoff' });
    }
    if (next) return next;
    if (running) return (next = running.then(() => ((next = null), start())));
    return start();
  }

  // The retry within this page view once the backoff ends: a visitor who stays on one page (or
  // never comes back) must not wait for the next page view to have the record delivered.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;
  function arm(): void {
    clearTimeout(timer);
    const q = readQueue();
    if (destroyed || !q.records.length) return;
    timer = setTimeout(() => void flush(false), Math.max(0, q.nextAt, retryAt) - now());
  }

  function report(result: ProofResult): ProofResult {
    try {
      options.onResult?.(result);
    } catch (error) {
      log('onResult threw', error);
    }
    return result;
  }

  function record(event: ProofDecision, given?: Notice | null): Promise<ProofResult> {
    try {
      let notice = given;
      if (notice === undefined) {
        try {
          notice = options.getNotice?.();
        } catch (error) {
          log('getNotice() threw; the decision is recorded with no texts', error);
        }
      }
      notice ??= NO_NOTICE; // also a getNotice that returned nothing at run time
      const hash = noticeHashSync(notice);
      const built = buildRecord(event.state, event.previous, event.source, {
        noticeHash: hash,
        language: notice.language,
        now: now(),
        location: globalThis.location,
        userAgent: globalThis.navigator?.userAgent ?? '',
      });
      // Not validated here: the server is the judge (a 400 with the reason, logged), and the
      // validator would add ~1 KB (brotli) to this lazy file for records buildRecord already shapes.
      notices.remember(hash, notice);
      const id = built.recordId;
      enqueue(built);
      return track(
        flush(true).then(
          (): ProofResult => report(outcomes.get(id) ?? { ok: false, status: 'queued', recordId: id, error: lastError || 'queued' }),
        ),
      );
    } catch (error) {
      log('unexpected error while recording a decision', error);
      return Promise.resolve(report({ ok: false, status: 'failed', error: String(error) }));
    }
  }

  const unsubscribe = options.subscribe === false ? () => {} : consent.on('decision', (event) => void record(event));
  // Back online, or the page hidden or left (maybe for good): send now, whatever the backoff. The
  // request leaves inside the event (keepalive, see send.ts), so it outlives the page.
  const sendNow = () => void (readQueue().records.length && flush(true));
  const onHidden = () => void (globalThis.document?.visibilityState === 'hidden' && sendNow());
  const events: Array<[EventTarget | undefined, string, () => void]> = [
    [globalThis, 'online', sendNow],
    [globalThis, 'pagehide', sendNow],
    [globalThis.document, 'visibilitychange', onHidden],
  ];
  for (const [target, type, fn] of events) target?.addEventListener?.(type, fn);
  void flush(false); // a new page view: retry what is queued, if the backoff allows (else when it ends)

  return {
    record,
    flush: () => flush(true),
    getReceipts: () => store.read<ProofReceipt[]>(RECEIPTS_KEY, [], isReceipts).slice(),
    pending: () => readQueue().records.length,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    destroy() {
      unsubscribe();
      destroyed = true;
      clearTimeout(timer);
      for (const [target, type, fn] of events) target?.removeEventListener?.(type, fn);
    },
  };
}
