import { describe, expect, it } from 'vitest';
import { decodeDecision, encodeDecision, type StoredDecision } from './codec.js';
import { fnv } from './fnv.js';
import { recipientsChanged, recipientsFingerprint } from './policy.js';
import { resolveConfig } from './config.js';

const NOW = Date.UTC(2026, 10, 23);
const config = resolveConfig({
  vendors: {
    'google-analytics': { category: 'statistics' },
    hotjar: { category: 'statistics' },
    'meta-pixel': { category: 'targeting' },
    'linkedin-insight': { category: 'targeting' },
    'microsoft-clarity': { category: 'statistics' },
    youtube: { category: 'targeting' },
    'google-maps': { category: 'functional' },
  },
});
const decision: StoredDecision = {
  consentId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  revision: 3,
  decidedAt: NOW - 1000,
  choices: { necessary: true, functional: true, statistics: true, targeting: false },
  vendors: {
    'google-analytics': true,
    hotjar: false,
    'meta-pixel': true,
    'linkedin-insight': false,
    'microsoft-clarity': true,
    youtube: false,
    'google-maps': true,
  },
  method: 'custom',
  gpc: true,
  vendorSet: recipientsFingerprint(config),
};

const body = (value: string) => value.split('.').slice(0, -1);
const seal = (parts: string[]) => `${parts.join('.')}.${fnv(parts.join('.'))}`;

describe('cookie codec', () => {
  it('round-trips a decision', () => {
    const value = encodeDecision(decision, config);
    expect(decodeDecision(value, config, NOW)).toEqual(decision);
  });

  it('stays URL-safe and under 200 bytes for a full decision with every vendor flipped', () => {
    const flipped = { ...decision, vendors: Object.fromEntries(Object.keys(decision.vendors).map((k) => [k, !decision.vendors[k]])) };
    const value = encodeDecision(flipped, config);
    expect(value).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(value.length).toBeLessThan(200);
    expect(decodeDecision(value, config, NOW)).toEqual(flipped);
    const plain = encodeDecision({ ...decision, vendors: { 'google-analytics': true, hotjar: true, 'microsoft-clarity': true, 'google-maps': true } }, config);
    expect(plain.length).toBeLessThan(76); // the vendor set has a part per category since it re-asks only where it matters
  });

  it('ignores overrides for vendors that are no longer configured', () => {
    const value = seal(body(encodeDecision(decision, config)).map((p, i) => (i === 7 ? `${p}_~gone-vendor` : p)));
    expect(decodeDecision(value, config, NOW)?.vendors).toEqual(decision.vendors);
  });

  const valid = encodeDecision(decision, config);
  // Re-sealed variants get past the checksum, so they prove each field is validated on its own.
  const edit = (index: number, value: string) => seal(body(valid).map((p, i) => (i === index ? value : p)));
  const malformed: Array<[string, unknown]> = [
    ['empty', ''],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { v: 1 }],
    ['garbage', 'hello world'],
    ['truncated', valid.slice(0, valid.length - 12)],
    ['truncated to the version', '1.'],
    ['unknown version', edit(0, '2')],
    ['version 0', edit(0, '0')],
    ['edited without fixing the checksum', [...body(valid).map((p, i) => (i === 4 ? '7' : p)), valid.split('.').pop()].join('.')],
    ['truncated overrides', valid.slice(0, valid.lastIndexOf('.') - 3) + valid.slice(valid.lastIndexOf('.'))],
    ['extra field', seal([...body(valid), 'x'])],
    ['missing field', seal(body(valid).slice(0, 7))],
    ['short id', edit(1, '0f8fad5b')],
    ['non-hex id', edit(1, 'g'.repeat(32))],
    ['category mask out of range', edit(4, '9')],
    ['negative mask', edit(4, '-1')],
    ['unknown method', edit(5, 'z1')],
    ['bad gpc flag', edit(5, 'c7')],
    ['timestamp in the future', edit(3, (NOW + 10 * 864e5).toString(36))],
    ['timestamp before Consentry existed', edit(3, (0).toString(36))],
    ['timestamp not base36', edit(3, 'NaN!')],
    ['revision not base36', edit(2, '-3')],
    ['vendor set not base36', edit(6, 'A+B')],
    ['vendor with illegal characters', edit(7, 'hotjar_<script>')],
    ['huge value', `${valid}${'a'.repeat(100_000)}`],
    ['another cookie syntax', '_ga=GA1.2.123.456; _gid=GA1.2.1'],
    ['JSON', JSON.stringify({ v: 1, id: 'x', c: { statistics: true } })],
    ['percent-encoded', encodeURIComponent(valid.replace(/\./g, '%'))],
    ['js-cookie attribute syntax', `${valid}; Path=/; Secure`],
    ['base64 blob', 'eyJ2IjoxLCJjIjp7InN0YXRpc3RpY3MiOnRydWV9fQ=='],
    ['unicode', '1.ą.č.ę.ė.į.š.ų'],
    ['null bytes', '1.\u0000.\u0000.\u0000.\u0000.\u0000.\u0000.\u0000'],
  ];
  it.each(malformed)('treats %s as no decision', (_name, value) => {
    expect(decodeDecision(value, config, NOW)).toBeNull();
  });
});

describe('vendor set fingerprint', () => {
  it('has one part per optional category, so a change elsewhere is told apart', () => {
    const parts = recipientsFingerprint(config).split('-');
    expect(parts).toHaveLength(3);
    const more = resolveConfig({ vendors: { ...Object.fromEntries(Object.keys(decision.vendors).map((id) => [id, { category: config.vendors[id]!.category }])), tiktok: { category: 'targeting' } } });
    const changed = recipientsFingerprint(more).split('-');
    expect(changed[0]).toBe(parts[0]);
    expect(changed[1]).toBe(parts[1]);
    expect(changed[2]).not.toBe(parts[2]);
  });

  it('reads a cookie of the single-hash format: a grant in it is asked again once, a refusal stands', () => {
    const legacy = seal(body(encodeDecision(decision, config)).map((p, i) => (i === 6 ? fnv('x') : p)));
    const stored = decodeDecision(legacy, config, NOW)!;
    expect(stored.vendorSet).toBe(fnv('x'));
    expect(recipientsChanged(stored, config)).toBe(true);
    const refusal = { ...stored, choices: { necessary: true as const, functional: false, statistics: false, targeting: false } };
    expect(recipientsChanged(refusal, config)).toBe(false);
  });
});
