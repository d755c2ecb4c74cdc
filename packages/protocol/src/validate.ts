import {
  RECORD_METHODS,
  RECORD_SCHEMA,
  RECORD_SOURCES,
  type ConsentRecord,
  type NoticeRegistration,
} from './record.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string };
type Failure = { ok: false; error: string; path: string };
type Check = (value: unknown, path: string) => Failure | null;

/** Keys that could reach Object.prototype if a consumer merged the value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
// Notice text keys embed cookie names (`vendor.google-analytics.cookie._ga_*`): any visible ASCII.
const NOTICE_KEY = /^[!-~]{1,256}$/;

export const LIMITS = {
  url: 2048,
  userAgent: 1024,
  vendors: 500,
  noticeKeys: 2000,
  noticeText: 20_000,
  revision: 2 ** 31 - 1,
} as const;

const fail = (path: string, error: string): Failure => ({ ok: false, error, path });
const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function string(max: number, pattern?: RegExp, what = 'a string'): Check {
  return (v, path) => {
    if (typeof v !== 'string') return fail(path, `expected ${what}`);
    if (v.length > max) return fail(path, `longer than ${max} characters`);
    if (pattern && !pattern.test(v)) return fail(path, `expected ${what}`);
    return null;
  };
}
const boolean: Check = (v, path) => (typeof v === 'boolean' ? null : fail(path, 'expected a boolean'));
const oneOf =
  (values: readonly string[]): Check =>
  (v, path) =>
    typeof v === 'string' && values.includes(v) ? null : fail(path, `expected one of ${values.join(', ')}`);

/** A real instant: Date.parse takes 2026-02-30 (rolled over into March) and 24:00, so check the day and hour too. */
const realInstant = (v: string): boolean => {
  if (Number.isNaN(Date.parse(v))) return false;
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return Number(v.slice(8, 10)) <= days && v.slice(11, 13) !== '24';
};
const timestamp: Check = (v, path) =>
  string(30, ISO_UTC, 'an ISO 8601 UTC timestamp')(v, path) ??
  (realInstant(v as string) ? null : fail(path, 'expected an ISO 8601 UTC timestamp of a date and time that exist'));

const url: Check = (v, path) =>
  string(LIMITS.url, /^https?:\/\/\S+$/i, 'an http(s) URL')(v, path);

const revision: Check = (v, path) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.revision
    ? null
    : fail(path, 'expected a non-negative integer');

/** An object with exactly `spec`'s keys (all required), nothing else. */
function shape(spec: Record<string, Check>): Check {
  const keys = Object.keys(spec);
  return (v, path) => {
    if (!isObject(v)) return fail(path, 'expected an object');
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return fail(at(path, key), 'forbidden key');
      if (!Object.hasOwn(spec, key)) return fail(at(path, key), 'unknown field');
    }
    for (const key of keys) {
      if (!Object.hasOwn(v, key)) return fail(at(path, key), 'required');
      const problem = spec[key]!(v[key], at(path, key));
      if (problem) return problem;
    }
    return null;
  };
}

/** A map with keys matching `key` (KEY by default), at most `max` entries, values checked by `item`. */
function map(max: number, item: Check, keyPattern = KEY): Check {
  return (v, path) => {
    if (!isObject(v)) return fail(path, 'expected an object');
    const keys = Object.keys(v);
    if (keys.length > max) return fail(path, `more than ${max} entries`);
    for (const k of keys) {
      if (FORBIDDEN_KEYS.has(k)) return fail(at(path, k), 'forbidden key');
      if (!keyPattern.test(k)) return fail(at(path, k), 'invalid key');
      const problem = item(v[k], at(path, k));
      if (problem) return problem;
    }
    return null;
  };
}

const choices = shape({
  necessary: (v, path) => (v === true ? null : fail(path, 'necessary is always true')),
  functional: boolean,
  statistics: boolean,
  targeting: boolean,
});

const recordShape = shape({
  schema: (v, path) => (v === RECORD_SCHEMA ? null : fail(path, `expected "${RECORD_SCHEMA}"`)),
  recordId: string(36, UUID, 'a UUID'),
  consentId: string(36, UUID, 'a UUID'),
  timestamp,
  site: string(260, HOST, 'a host name'),
  url,
  revision,
  language: string(35, LANGUAGE, 'a language tag'),
  noticeHash: string(64, HEX64, 'a lowercase SHA-256 hex digest'),
  choices,
  vendors: map(LIMITS.vendors, boolean),
  method: oneOf(RECORD_METHODS),
  source: oneOf(RECORD_SOURCES),
  gpc: boolean,
  userAgent: string(LIMITS.userAgent),
});

const noticeShape = shape({
  noticeHash: string(64, HEX64, 'a lowercase SHA-256 hex digest'),
  language: string(35, LANGUAGE, 'a language tag'),
  texts: map(LIMITS.noticeKeys, string(LIMITS.noticeText), NOTICE_KEY),
});

/** Copies only the known fields, so the value handed on never carries anything unvalidated. */
function copyRecord(v: ConsentRecord): ConsentRecord {
  const vendors: Record<string, boolean> = {};
  for (const key of Object.keys(v.vendors)) vendors[key] = v.vendors[key]!;
  const { necessary, functional, statistics, targeting } = v.choices;
  return {
    schema: v.schema,
    recordId: v.recordId.toLowerCase(),
    consentId: v.consentId.toLowerCase(),
    timestamp: v.timestamp,
    site: v.site,
    url: v.url,
    revision: v.revision,
    language: v.language,
    noticeHash: v.noticeHash,
    choices: { necessary, functional, statistics, targeting },
    vendors,
    method: v.method,
    source: v.source,
    gpc: v.gpc,
    userAgent: v.userAgent,
  };
}

/** Strict validation of a consent record: unknown fields, wrong types and oversize strings fail. */
export function validateRecord(input: unknown): ValidationResult<ConsentRecord> {
  const problem = recordShape(input, '');
  return problem ?? { ok: true, value: copyRecord(input as ConsentRecord) };
}

/** Strict validation of a notice registration `{ noticeHash, language, texts }`. */
export function validateNoticeRegistration(input: unknown): ValidationResult<NoticeRegistration> {
  const problem = noticeShape(input, '');
  if (problem) return problem;
  const v = input as NoticeRegistration;
  const texts: Record<string, string> = {};
  for (const key of Object.keys(v.texts)) texts[key] = v.texts[key]!;
  return { ok: true, value: { noticeHash: v.noticeHash, language: v.language, texts } };
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
