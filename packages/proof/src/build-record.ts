import { OPTIONAL_CATEGORIES, randomId, type ConsentState, type DecisionSource } from '@consentry/core';
import { LIMITS, RECORD_SCHEMA, type ConsentRecord, type RecordMethod } from '@consentry/protocol';

export interface RecordContext {
  noticeHash: string;
  language: string;
  now: number;
  location: { hostname: string; href: string } | undefined;
  userAgent: string;
  randomId?: () => string;
}

/**
 * `withdraw` when the decision only takes back things granted before; otherwise the engine's
 * method (accept-all, reject-all, custom, gpc).
 */
export function recordMethod(state: ConsentState, previous: ConsentState): RecordMethod {
  const method = state.method ?? 'custom';
  if (method === 'gpc' || method === 'withdraw' || previous.status !== 'decided') return method;
  let revoked = false;
  let granted = false;
  for (const c of OPTIONAL_CATEGORIES) {
    if (previous.choices[c] && !state.choices[c]) revoked = true;
    if (!previous.choices[c] && state.choices[c]) granted = true;
  }
  for (const v of new Set([...Object.keys(previous.vendors), ...Object.keys(state.vendors)])) {
    if (previous.vendors[v] === true && state.vendors[v] !== true) revoked = true;
    if (previous.vendors[v] !== true && state.vendors[v] === true) granted = true;
  }
  return revoked && !granted ? 'withdraw' : method;
}

/**
 * Page address without query or fragment (they can carry personal data and prove nothing), cut to
 * the length the server accepts rather than losing the record over a very long path.
 */
function pageUrl(href: string): string {
  let url = href;
  try {
    const u = new URL(href);
    url = `${u.origin}${u.pathname}`;
  } catch {
    // kept as given
  }
  return url.slice(0, LIMITS.url);
}

export function buildRecord(state: ConsentState, previous: ConsentState, source: DecisionSource, ctx: RecordContext): ConsentRecord {
  const { functional, statistics, targeting } = state.choices;
  return {
    schema: RECORD_SCHEMA,
    recordId: (ctx.randomId ?? randomId)(),
    consentId: state.consentId ?? '',
    timestamp: new Date(state.decidedAt ?? ctx.now).toISOString(),
    site: ctx.location?.hostname ?? '',
    url: pageUrl(ctx.location?.href ?? ''),
    revision: state.revision,
    language: ctx.language,
    noticeHash: ctx.noticeHash,
    choices: { necessary: true, functional, statistics, targeting },
    vendors: { ...state.vendors },
    method: recordMethod(state, previous),
    source,
    gpc: state.gpc,
    userAgent: ctx.userAgent.slice(0, 1024),
  };
}
