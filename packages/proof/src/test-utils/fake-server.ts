import { createConsent, createMemoryCookies, type Consent } from '@consentry/core';
import { canonicalJson, noticeHash, sha256Hex, validateRecord, type ConsentRecord, type Notice } from '@consentry/protocol';

export const NOTICE: Notice = { language: 'en', texts: { 'banner.title': 'We use cookies', 'banner.acceptAll': 'Accept all' } };

export function makeConsent(cookies = createMemoryCookies()): Consent {
  return createConsent(
    { categories: { functional: {}, statistics: {}, targeting: {} }, gpc: true },
    { cookies, gpc: false, secure: true },
  );
}

interface Call {
  url: string;
  init: RequestInit;
  body: unknown;
}

/**
 * A stand-in for the consent server behind `fetch`: validates with @consentry/protocol, is
 * idempotent on recordId, keeps notices by verified hash. `mode` switches it offline, to 503s, or
 * to never answering; `answer` replaces its answer to records (a proxy, a wrong endpoint…);
 * `latency` delays each request's arrival (the n-th call waits `latency(n)` ms).
 */
export function createFakeServer() {
  const records = new Map<string, ConsentRecord & { seq: number; hash: string }>();
  const notices = new Map<string, Notice>();
  const calls: Call[] = [];
  const state = {
    mode: 'online' as 'online' | 'offline' | 'error' | 'hang',
    answer: null as null | (() => Response),
    latency: null as null | ((n: number) => number),
  };
  const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const body: unknown = JSON.parse(String(init.body));
    calls.push({ url, init, body });
    if (state.mode === 'hang') return new Promise<Response>(() => undefined);
    const delay = state.latency?.(calls.length) ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (state.mode === 'offline') throw new TypeError('Failed to fetch');
    if (state.answer && url.endsWith('/v1/consents')) return state.answer();
    if (state.mode === 'error') return json({ error: 'storage unavailable, retry later' }, 503);
    if (url.endsWith('/v1/consents')) {
      const v = validateRecord(body);
      if (!v.ok) return json({ error: v.error, path: v.path }, 400);
      const existing = records.get(v.value.recordId);
      const stored = existing ?? { ...v.value, seq: records.size + 1, hash: await sha256Hex(canonicalJson(v.value)) };
      records.set(stored.recordId, stored);
      const receipt = { recordId: stored.recordId, seq: stored.seq, hash: stored.hash, signature: 'c2ln', keyId: 'ed25519-test' };
      return json({ ...receipt, noticeOnFile: notices.has(stored.noticeHash) }, 201);
    }
    if (url.endsWith('/v1/notices')) {
      const n = body as Notice & { noticeHash: string };
      if ((await noticeHash(n)) !== n.noticeHash) return json({ error: 'mismatch', path: 'noticeHash' }, 400);
      const created = !notices.has(n.noticeHash);
      notices.set(n.noticeHash, { language: n.language, texts: n.texts });
      return json({ noticeHash: n.noticeHash, created }, created ? 201 : 200);
    }
    return json({ error: 'not found' }, 404);
  };
  return { fetch, records, notices, calls, state };
}

/** A Web Storage stand-in shared between "page views". */
export function createMemoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}
