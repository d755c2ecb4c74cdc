import type { ConsentRecord, Receipt } from '@consentry/protocol';

/** What one POST of a record came to, and what the client does about it. */
export type SendOutcome =
  | { kind: 'stored'; receipt: Receipt; noticeOnFile: boolean }
  /** Keep the record queued. `log` explains the cause and names the fix (deployment mistakes, outages). */
  | { kind: 'retry'; error: string; log: string; offline?: boolean }
  /** The server says this record itself is invalid: sending it again cannot succeed. */
  | { kind: 'rejected'; status: number; error: string }
  /** The recordId is taken by another record (409): the record needs a new id. */
  | { kind: 'rekey'; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReceipt = (v: unknown, recordId: string): v is Receipt =>
  isObject(v) && v['recordId'] === recordId && typeof v['seq'] === 'number' && typeof v['hash'] === 'string' && typeof v['signature'] === 'string' && typeof v['keyId'] === 'string';

/** A request unanswered this long is given up (and retried): a stalled server must not hold the queue. */
export const SEND_TIMEOUT_MS = 15_000;

export function post(doFetch: typeof fetch | undefined, url: string, body: string): Promise<Response> {
  if (!doFetch) return Promise.reject(new Error('fetch is not available'));
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort?.abort();
      reject(new Error(`no answer within ${SEND_TIMEOUT_MS / 1000} s`));
    }, SEND_TIMEOUT_MS);
  });
  const sent = doFetch(url, {
    method: 'POST',
    body,
    // keepalive lets a decision made just before leaving the page still arrive; text/plain keeps
    // it a CORS "simple" request, so no preflight is needed (the server reads JSON regardless).
    keepalive: body.length < 60_000,
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    credentials: 'omit',
    mode: 'cors',
    ...(abort ? { signal: abort.signal } : {}),
  });
  return Promise.race([sent, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Posts one record and sorts the answer. Only the consent server's own "this record is invalid"
 * answers drop a record: a 400 or 413 with its JSON `{ error }` reason. Anything else (a refused
 * origin, a wrong endpoint, a proxy's error page, an outage, no network) is a deployment or
 * availability problem, and the record waits in the queue until it is fixed.
 */
export async function sendRecord(doFetch: typeof fetch | undefined, endpoint: string, record: ConsentRecord): Promise<SendOutcome> {
  const origin = globalThis.location?.origin ?? 'this page';
  const kept = 'The records stay queued and are sent later.';
  const fixEndpoint = `set proof.endpoint to your consent server's …/v1/consents URL. ${kept}`;
  let res: Response;
  try {
    res = await post(doFetch, endpoint, JSON.stringify(record));
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return {
      kind: 'retry',
      error: `network error: ${message}`,
      offline: globalThis.navigator?.onLine === false,
      log: `could not reach ${endpoint} (${message}): check that the consent server runs there and lists ${origin} in CONSENTRY_ALLOWED_ORIGINS (a refused origin looks like a network error here). ${kept}`,
    };
  }
  const body: unknown = await res.json().catch(() => null);
  const reason = isObject(body) && typeof body['error'] === 'string' ? body['error'] : null;
  const status = res.status;
  if (res.ok) {
    if (isReceipt(body, record.recordId)) {
      const { recordId, seq, hash, signature, keyId, tree } = body as typeof body & { tree?: Receipt['tree'] };
      // The batch inclusion proof is what makes a batch-signed receipt verifiable offline: keep it.
      const receipt: Receipt = { recordId, seq, hash, signature, keyId, ...(isObject(tree) ? { tree } : {}) };
      return { kind: 'stored', receipt, noticeOnFile: (body as { noticeOnFile?: unknown }).noticeOnFile === true };
    }
    return { kind: 'retry', error: `answered ${status} without a receipt`, log: `${endpoint} answered ${status} without a receipt: ${fixEndpoint}` };
  }
  const said = reason === null ? `${status}` : `${status} "${reason}"`;
  if (reason !== null && (status === 413 || (status === 400 && typeof (body as Record<string, unknown>)['path'] === 'string'))) {
    const path = (body as Record<string, unknown>)['path'];
    return { kind: 'rejected', status, error: path ? `${reason} at ${String(path)}` : reason };
  }
  if (status === 409 && reason !== null) return { kind: 'rekey', error: `409 "${reason}"` };
  const log =
    status === 403
      ? `the consent server refused ${origin} (${said}): add it to the server's CONSENTRY_ALLOWED_ORIGINS. ${kept}`
      : status === 404
        ? `${endpoint} answered ${said}: ${fixEndpoint}`
        : status >= 500 || status === 429 || status === 408
          ? `the consent server answered ${said}; see its log if this persists. ${kept}`
          : `${endpoint} answered ${said}, not a consent server's answer about the record: check proof.endpoint and any proxy in front of the server. ${kept}`;
  return { kind: 'retry', error: `server answered ${status}`, log };
}
