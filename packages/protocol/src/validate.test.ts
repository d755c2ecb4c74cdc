import { describe, expect, it } from 'vitest';
import { type ConsentRecord } from './record.js';
import { validateNoticeRegistration, validateRecord } from './validate.js';

const record = (): ConsentRecord => ({
  schema: 'consentry.record/1',
  recordId: '3b241101-e2bb-4255-8caf-4136c566a962',
  consentId: '9f1c2a7e-8d2b-4c51-a0e4-2b7c1d3e4f50',
  timestamp: '2026-11-23T10:00:00.000Z',
  site: 'www.example.com',
  url: 'https://www.example.com/pricing',
  revision: 1,
  language: 'lv',
  noticeHash: 'a'.repeat(64),
  choices: { necessary: true, functional: false, statistics: true, targeting: false },
  vendors: { 'google-analytics': true, 'meta-pixel': false },
  method: 'custom',
  source: 'banner',
  gpc: false,
  userAgent: 'Mozilla/5.0',
});

const withField = (path: string[], value: unknown): unknown => {
  const r = record() as unknown as Record<string, unknown>;
  let target = r;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return r;
};

describe('validateRecord', () => {
  it('accepts the record of docs/architecture.md, section 6', () => {
    const result = validateRecord(record());
    expect(result).toEqual({ ok: true, value: record() });
  });

  it.each([
    [['schema'], 'consentry.record/2', 'schema'],
    [['recordId'], 'not-a-uuid', 'recordId'],
    [['timestamp'], '2026-11-23 10:00', 'timestamp'],
    [['timestamp'], '2026-13-45T10:00:00Z', 'timestamp'],
    // Days that do not exist (Date.parse rolls them over into the next month).
    [['timestamp'], '2026-02-30T10:00:00Z', 'timestamp'],
    [['timestamp'], '2026-04-31T10:00:00.000Z', 'timestamp'],
    [['timestamp'], '2026-02-29T10:00:00.000Z', 'timestamp'],
    [['timestamp'], '2026-11-23T24:00:00.000Z', 'timestamp'],
    [['revision'], 1.5, 'revision'],
    [['revision'], '1', 'revision'],
    [['url'], 'javascript:alert(1)', 'url'],
    [['noticeHash'], 'A'.repeat(64), 'noticeHash'],
    [['choices', 'necessary'], false, 'choices.necessary'],
    [['choices', 'statistics'], 'yes', 'choices.statistics'],
    [['vendors', 'meta-pixel'], 1, 'vendors.meta-pixel'],
    [['method'], 'accept', 'method'],
    [['source'], 'popup', 'source'],
    [['gpc'], null, 'gpc'],
    [['userAgent'], 'x'.repeat(1025), 'userAgent'],
  ])('rejects %j = %j at path %s', (path, value, expectedPath) => {
    const result = validateRecord(withField(path, value));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.path).toBe(expectedPath);
  });

  it('rejects unknown fields at any depth, naming them', () => {
    expect(validateRecord({ ...record(), extra: 1 })).toEqual({ ok: false, error: 'unknown field', path: 'extra' });
    expect(validateRecord(withField(['choices', 'ads'], true))).toMatchObject({ path: 'choices.ads' });
  });

  it('rejects missing fields', () => {
    const r = record() as Partial<ConsentRecord>;
    delete r.consentId;
    expect(validateRecord(r)).toEqual({ ok: false, error: 'required', path: 'consentId' });
  });

  it('rejects prototype-pollution keys', () => {
    const polluted = JSON.parse(JSON.stringify(record()).replace('"vendors":{', '"vendors":{"__proto__":{"x":1},')) as unknown;
    expect(validateRecord(polluted)).toMatchObject({ ok: false, error: 'forbidden key', path: 'vendors.__proto__' });
    const top = JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(record()).slice(1)}`) as unknown;
    expect(validateRecord(top)).toMatchObject({ ok: false, path: '__proto__' });
    expect(validateRecord(withField(['vendors', 'constructor'], true))).toMatchObject({ ok: false, error: 'forbidden key' });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('rejects non-objects without throwing', () => {
    for (const input of [null, undefined, 1, 'x', [], [record()], true]) {
      expect(validateRecord(input)).toMatchObject({ ok: false, path: '' });
    }
  });

  it('returns a copy that carries nothing beyond the known fields', () => {
    const input = record();
    const result = validateRecord(input);
    expect(result.ok && result.value).not.toBe(input);
    expect(result.ok && result.value.vendors).not.toBe(input.vendors);
  });

  it('rejects too many vendors', () => {
    const vendors = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`v${i}`, true]));
    expect(validateRecord(withField(['vendors'], vendors))).toMatchObject({ ok: false, path: 'vendors' });
  });
});

describe('validateNoticeRegistration', () => {
  it('accepts hash, language and texts', () => {
    const input = { noticeHash: 'b'.repeat(64), language: 'en', texts: { 'banner.title': 'Cookies' } };
    expect(validateNoticeRegistration(input)).toEqual({ ok: true, value: input });
  });

  it('rejects non-string texts and unknown fields', () => {
    expect(validateNoticeRegistration({ noticeHash: 'b'.repeat(64), language: 'en', texts: { a: 1 } })).toMatchObject({
      ok: false,
      path: 'texts.a',
    });
    expect(validateNoticeRegistration({ noticeHash: 'b'.repeat(64), language: 'en', texts: {}, html: '' })).toMatchObject({
      ok: false,
      path: 'html',
    });
  });
});

describe('notice keys', () => {
  it('accepts the cookie names the UI shows inside text keys', () => {
    const texts = { 'vendor.google-analytics.cookie._ga_*': '2 years', 'banner.title': 'We use cookies' };
    const result = validateNoticeRegistration({ noticeHash: 'a'.repeat(64), language: 'en', texts });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('still refuses keys with spaces or control characters', () => {
    expect(validateNoticeRegistration({ noticeHash: 'a'.repeat(64), language: 'en', texts: { 'a b': 'x' } }).ok).toBe(false);
    expect(validateNoticeRegistration({ noticeHash: 'a'.repeat(64), language: 'en', texts: { 'a\nb': 'x' } }).ok).toBe(false);
  });
});

describe('timestamp: days that exist', () => {
  it('accepts the last day of every month and 29 February of a leap year', () => {
    for (const t of ['2028-02-29T00:00:00Z', '2026-01-31T23:59:59.999Z', '2026-04-30T12:00:00.5Z', '2000-02-29T00:00:00.000Z', '2026-12-31T23:59:59Z']) {
      expect(validateRecord({ ...record(), timestamp: t }).ok, t).toBe(true);
    }
    for (const t of ['1900-02-29T00:00:00Z', '2026-06-31T00:00:00Z', '2026-11-31T00:00:00Z']) {
      expect(validateRecord({ ...record(), timestamp: t }).ok, t).toBe(false);
    }
  });
});
