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

export function post(doFetch: typeof fetch | undefined, url: string, body: string): Promise<Response> {
  if (!doFetch) return Promise.reject(new Error('fetch is not available'));
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

/**
 * Posts one record and sorts the answer. Only the consent server's own "this record is invalid"
 * answers drop a record: a 400 or 413 with its JSON `{ error }` reason. Anything else (a refused
 * origin, a wrong endpoint, a proxy's error page, an outage, no network) is a deployment or
 * availability problem, and the record waits in the queue until it is fixed.
 */
export async function sendRecord(doFetch: typeof fetch | undefined, endpoint: string, record: ConsentRecord): Promise<SendOutcome> {
  const origin = globalThis.location?.origin ?? 'this page';
  const kept = 'The record is kept and sent again later.';
  let res: Response;
  try {
    res = await post(doFetch, endpoint, JSON.stringify(record));
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return {
      kind: 'retry',
      error: `network error: ${message}`,
      offline: globalThis.navigator?.onLine === false,
      log:
        `could not reach ${endpoint} (${message}). ${kept} Check that the consent server runs at that address and ` +
        `lists ${origin} in CONSENTRY_ALLOWED_ORIGINS: a refused origin looks like a network error to the page.`,
    };
  }
  const body: unknown = await res.json().catch(() => null);
  const reason = isObject(body) && typeof body['error'] === 'string' ? body['error'] : null;
  const status = res.status;
  if (res.ok) {
    if (isReceipt(body, record.recordId)) {
      const { recordId, seq, hash, signature, keyId } = body;
      return { kind: 'stored', receipt: { recordId, seq, hash, signature, keyId }, noticeOnFile: (body as { noticeOnFile?: unknown }).noticeOnFile === true };
    }
    return { kind: 'retry', error: `answered ${status} without a receipt`, log: `${endpoint} answered ${status} without a receipt: the proof endpoint is not a consent server's …/v1/consents. ${kept}` };
  }
  const said = reason === null ? `${status}` : `${status} "${reason}"`;
  if (reason !== null && (status === 413 || (status === 400 && typeof (body as Record<string, unknown>)['path'] === 'string'))) {
    const path = (body as Record<string, unknown>)['path'];
    return { kind: 'rejected', status, error: path ? `${reason} at ${String(path)}` : reason };
  }
  if (status === 409 && reason !== null) return { kind: 'rekey', error: `409 "${reason}"` };
  let log: string;
  if (status === 403) log = `the consent server refused ${origin} (${said}). Add ${origin} to the server's CONSENTRY_ALLOWED_ORIGINS. ${kept}`;
  else if (status === 404) log = `${endpoint} answered ${said}: set the proof endpoint to the consent server's records URL (https://<your consent server>/v1/consents). ${kept}`;
  else if (status >= 500 || status === 429 || status === 408) log = `the consent server answered ${said}; see its log if this persists. ${kept}`;
  else log = `${endpoint} answered ${said}, which is not a consent server's answer about the record: check the proof endpoint and any proxy in front of the server. ${kept}`;
  return { kind: 'retry', error: `server answered ${status}`, log };
}
