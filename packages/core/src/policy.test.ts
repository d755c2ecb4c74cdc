import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import {
  decisionHolds,
  expiresAt,
  gpcApplies,
  holdForGpc,
  isCategoryGranted,
  isGrantedIn,
  isVendorGranted,
  isVendorListed,
  lifetimeDays,
  listedChoices,
  loadsBeforeConsent,
  nothingGranted,
  recipientsChanged,
  recipientsFingerprint,
  vendorSwitches,
} from './policy.js';
import type { Choices, ConsentState, OptionalCategory } from './types.js';

const DAY = 864e5;
const NOW = Date.UTC(2026, 10, 23);
// Functional is not listed: whatever a cookie or a caller says about it, it is denied.
const input = {
  revision: 2,
  categories: { statistics: {}, targeting: {} },
  vendors: { hotjar: { category: 'statistics' }, 'google-analytics': { category: 'statistics' }, 'meta-pixel': { category: 'targeting' } },
  cookie: { expiresDays: 365, refusalExpiresDays: 182 },
} as const;
const config = resolveConfig(input);
const choices = (functional: boolean, statistics: boolean, targeting: boolean): Choices => ({ necessary: true, functional, statistics, targeting });
const ALL = choices(true, true, true);
const NONE = choices(false, false, false);

describe('rule 1: an unlisted category is denied', () => {
  it.each([
    ['necessary', ALL, true],
    ['necessary', NONE, true],
    ['statistics', ALL, true],
    ['statistics', NONE, false],
    ['functional', ALL, false], // stored or asked, it is not listed
    ['not-a-category', ALL, false],
  ] as const)('%s with %o → %s', (category, given, expected) => {
    expect(isCategoryGranted(given, config, category)).toBe(expected);
  });

  it.each([
    ['everything wanted', () => true, choices(false, true, true)],
    ['nothing wanted', () => false, NONE],
    ['undefined is not a yes', () => undefined, NONE],
    ['only functional wanted', (c: OptionalCategory) => c === 'functional', NONE],
  ] as const)('listedChoices: %s', (_name, wanted, expected) => {
    expect(listedChoices(config, wanted)).toEqual(expected);
  });

  it('before a decision only necessary is granted, and no vendor', () => {
    const before = nothingGranted(config);
    expect(before.choices).toEqual(NONE);
    expect(Object.values(before.vendors)).toEqual([false, false, false]);
  });
});

describe('rule 2: GPC holds targeting', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false], // the site switched GPC off
    [false, false, false],
  ])('site gpc %s, signal %s → applies %s', (honoured, signal, expected) => {
    expect(gpcApplies({ gpc: honoured }, signal)).toBe(expected);
  });

  it.each([
    ['accept all under GPC', ALL, true, choices(true, true, false), true],
    ['accept all without GPC', ALL, false, ALL, false],
    ['nothing to hold under GPC', choices(true, true, false), true, choices(true, true, false), false],
  ] as const)('%s', (_name, given, gpc, expected, held) => {
    expect(holdForGpc(given, gpc)).toEqual({ choices: expected, held });
  });
});

describe('rule 3: a vendor follows its category', () => {
  const decided: Pick<ConsentState, 'status' | 'choices' | 'vendors'> = {
    status: 'decided',
    choices: choices(false, true, false),
    vendors: { hotjar: false, 'google-analytics': true, 'meta-pixel': false },
  };
  it.each([
    ['first decision: all follow', choices(false, true, true), null, {}, { hotjar: true, 'google-analytics': true, 'meta-pixel': true }],
    ['undecided before: all follow', choices(false, true, false), { ...decided, status: 'undecided' as const }, {}, { hotjar: true, 'google-analytics': true, 'meta-pixel': false }],
    ['category untouched: earlier switches stay', choices(false, true, true), decided, { targeting: true }, { hotjar: false, 'google-analytics': true, 'meta-pixel': true }],
    ['category switched off: its vendors follow', NONE, decided, { statistics: false }, { hotjar: false, 'google-analytics': false, 'meta-pixel': false }],
    ['explicit switch wins', choices(false, true, false), decided, { vendors: { hotjar: true } }, { hotjar: true, 'google-analytics': true, 'meta-pixel': false }],
  ] as const)('%s', (_name, next, previous, update, expected) => {
    expect(vendorSwitches(config, next, previous, update)).toEqual(expected);
  });
});

describe('rule 4: only listed vendors run', () => {
  const state = { choices: choices(false, true, true), vendors: { hotjar: true, 'google-analytics': false, 'meta-pixel': true, tiktok: true } };
  it.each([
    ['hotjar', true],
    ['google-analytics', false], // its own switch is off
    ['meta-pixel', true],
    ['tiktok', false], // granted in the state, but the config does not list it
    ['constructor', false], // not a vendor, whatever Object.prototype says
    ['__proto__', false],
  ])('%s → %s', (id, expected) => {
    expect(isVendorGranted(state, config, id)).toBe(expected);
    expect(isGrantedIn(state, config, { vendor: id })).toBe(expected);
  });

  it('a listed vendor in a category the state refused does not run', () => {
    expect(isVendorGranted({ choices: choices(false, false, true), vendors: { hotjar: true } }, config, 'hotjar')).toBe(false);
  });

  it.each([
    ['hotjar', true],
    ['tiktok', false],
    ['hasOwnProperty', false],
  ])('isVendorListed(%s) → %s', (id, expected) => {
    expect(isVendorListed(config, id)).toBe(expected);
  });

  it.each([
    ['necessary', true],
    ['statistics', false],
    [{ vendor: 'hotjar' }, false],
  ] as const)('without a config (failed closed) %o → %s', (target, expected) => {
    expect(isGrantedIn({ choices: ALL, vendors: { hotjar: true } }, null, target)).toBe(expected);
  });
});

describe('rule 5: the refusal lifetime', () => {
  it.each([
    ['a grant', choices(false, true, false), 365],
    ['a refusal', NONE, 182],
    ['a grant of an unlisted category alone is still a grant on file', choices(true, false, false), 365],
  ] as const)('%s lasts %s days', (_name, given, days) => {
    expect(lifetimeDays(given, config)).toBe(days);
    expect(expiresAt(NOW, given, config)).toBe(NOW + days * DAY);
  });
});

describe('rule 6: recipients changed → re-ask', () => {
  const fingerprint = recipientsFingerprint(config);
  const added = resolveConfig({ ...input, vendors: { ...input.vendors, tiktok: { category: 'targeting' } } });
  it('has one part per optional category', () => {
    expect(fingerprint.split('-')).toHaveLength(3);
    const [f, s, t] = recipientsFingerprint(added).split('-');
    expect([f, s]).toEqual(fingerprint.split('-').slice(0, 2));
    expect(t).not.toBe(fingerprint.split('-')[2]);
  });
  it.each([
    ['targeting granted, a vendor joined targeting', choices(false, false, true), true],
    ['only statistics granted, a vendor joined targeting', choices(false, true, false), false],
    ['a refusal, a vendor joined targeting', NONE, false],
  ] as const)('%s → re-ask %s', (_name, given, expected) => {
    expect(recipientsChanged({ choices: given, vendorSet: fingerprint }, added)).toBe(expected);
  });

  const stored = { revision: 2, decidedAt: NOW - 10 * DAY, choices: choices(false, true, false), vendorSet: fingerprint };
  it.each([
    ['same revision, same recipients, in time', stored, NOW, true],
    ['an older revision', { ...stored, revision: 1 }, NOW, false],
    ['a newer revision (another deploy)', { ...stored, revision: 3 }, NOW, false],
    ['lapsed grant', stored, stored.decidedAt + 365 * DAY, false],
    ['lapsed refusal', { ...stored, choices: NONE }, stored.decidedAt + 182 * DAY, false],
    ['refusal before its 182 days', { ...stored, choices: NONE }, stored.decidedAt + 181 * DAY, true],
  ] as const)('decisionHolds: %s → %s', (_name, decision, now, expected) => {
    expect(decisionHolds(decision, config, now)).toBe(expected);
  });
});

describe('rule 7: the advanced-mode exception is a declared input', () => {
  const readsConsentMode = ['google-analytics'];
  const advanced = { googleConsentMode: resolveConfig({ googleConsentMode: { mode: 'advanced' } }).googleConsentMode };
  const basic = { googleConsentMode: resolveConfig({ googleConsentMode: true }).googleConsentMode };
  it.each([
    ['advanced, declared', advanced, 'google-analytics', readsConsentMode, true],
    ['advanced, not declared', advanced, 'hotjar', readsConsentMode, false],
    ['advanced, nothing declared', advanced, 'google-analytics', [], false],
    ['basic, declared', basic, 'google-analytics', readsConsentMode, false],
    ['no Consent Mode', { googleConsentMode: null }, 'google-analytics', readsConsentMode, false],
  ] as const)('%s → %s', (_name, cfg, id, declared, expected) => {
    expect(loadsBeforeConsent(cfg as never, id, declared)).toBe(expected);
  });
});
