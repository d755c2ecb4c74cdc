import { describe, expect, it } from 'vitest';
import { createConsent } from './consent.js';
import { resolveConfig } from './config.js';
import { ConsentryConfigError } from './errors.js';
import { jurisdictionFor } from './jurisdiction.js';
import { gdprApplies } from './policy.js';
import { createMemoryCookies } from './memory-cookies.js';
import type { ConsentConfig, ConsentEvent } from './types.js';

const vendors = {
  analytics: { category: 'statistics' as const },
  ads: { category: 'targeting' as const },
  chat: { category: 'functional' as const },
};
const jurisdictions = {
  EEA: 'opt-in',
  UK: { rule: 'opt-in', analyticsExemption: true },
  CH: 'opt-in',
  'US-CA': 'opt-out',
  US: 'notice',
  '*': 'none',
} as const;
const config: ConsentConfig = { vendors, jurisdictions, gpc: true };

function issues(input: unknown): string[] {
  try {
    resolveConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConsentryConfigError);
    return (e as ConsentryConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

const start = (region: string | null | undefined, gpc = false, cfg: ConsentConfig = config) => {
  const cookies = createMemoryCookies();
  const consent = createConsent(cfg, { cookies, gpc, region });
  const events: ConsentEvent[] = [];
  consent.subscribe((e) => events.push(e));
  return { consent, cookies, events };
};

describe('jurisdictions config', () => {
  it('names every wrong key and value with its path', () => {
    expect(
      issues({
        jurisdictions: {
          de: 'opt-in',
          FR: 'opt-inn',
          'US-CA': { rule: 'opt-out', analyticsExemption: true },
          CH: { rule: 'notice', extra: 1 },
          UK: { rule: 'opt-in', analyticsExemption: 'yes' },
        },
      }),
    ).toEqual([
      'jurisdictions.de: expected a region code: DE, US-CA, EU, EEA, UK or *',
      'jurisdictions.FR: expected opt-in | opt-out | notice | none, got "opt-inn"',
      'jurisdictions.US-CA.analyticsExemption: only for "UK": { "rule": "opt-in", … }',
      'jurisdictions.CH: expected { "rule": …, "analyticsExemption": true|false }',
      'jurisdictions.UK: expected { "rule": …, "analyticsExemption": true|false }',
    ]);
    expect(issues({ jurisdictions: [] })[0]).toMatch(/^jurisdictions: expected regions and rules/);
    expect(issues({ jurisdictions: {} })[0]).toMatch(/^jurisdictions: expected regions and rules/);
    expect(issues({ jurisdictions: { UK: 'opt-in', GB: 'notice' } })).toEqual(['jurisdictions.GB: UK and GB are one region']);
    expect(issues({ jurisdictions: { toString: 'opt-in', EU: 'opt-in' } })).toEqual(['jurisdictions.toString: expected a region code: DE, US-CA, EU, EEA, UK or *']);
  });

  it('resolves UK to GB and keeps the exemption only where it was chosen', () => {
    expect(resolveConfig(config).jurisdictions).toMatchObject({ GB: { rule: 'opt-in', analyticsExemption: true }, EEA: { rule: 'opt-in', analyticsExemption: false } });
    expect(resolveConfig({}).jurisdictions).toBeUndefined();
  });
});

describe('which rule holds', () => {
  const c = resolveConfig(config);
  it.each([
    ['DE', 'EEA', 'opt-in'],
    ['NO', 'EEA', 'opt-in'],
    ['uk', 'GB', 'opt-in'],
    ['CH', 'CH', 'opt-in'],
    ['US-CA', 'US-CA', 'opt-out'],
    ['US-TX', 'US', 'notice'],
    ['US', 'US', 'notice'],
    ['BR', '*', 'none'],
  ])('%s → %s (%s)', (region, matched, rule) => {
    expect(jurisdictionFor(c, region)).toMatchObject({ matched, rule });
  });

  it('an unknown region gets the strictest rule the config names: opt-in without the exemption', () => {
    for (const region of [undefined, null, '', 'XX', 'T1', 'not a region', 42]) {
      expect(jurisdictionFor(c, region)).toEqual({ region: null, matched: null, rule: 'opt-in', analyticsExemption: false });
    }
    // A config that names only looser rules: the strictest of those, still fail closed among them.
    const loose = resolveConfig({ jurisdictions: { 'US-CA': 'opt-out', BR: 'none' } });
    expect(jurisdictionFor(loose, null).rule).toBe('opt-out');
    expect(jurisdictionFor(loose, 'JP').rule).toBe('opt-out');
  });

  it('EU is the 27 member states, EEA adds Iceland, Liechtenstein and Norway', () => {
    const eu = resolveConfig({ jurisdictions: { EU: 'opt-in', EEA: 'notice', '*': 'none' } });
    expect(jurisdictionFor(eu, 'SE').matched).toBe('EU');
    expect(jurisdictionFor(eu, 'NO').matched).toBe('EEA');
    expect(jurisdictionFor(eu, 'CH').matched).toBe('*');
  });

  it('without jurisdictions, opt-in everywhere (as before)', () => {
    expect(jurisdictionFor(resolveConfig({}), 'US-CA').rule).toBe('opt-in');
  });

  it('gdprApplies follows the rule (for TCF)', () => {
    expect(gdprApplies(jurisdictionFor(c, 'DE'))).toBe(true);
    expect(gdprApplies(jurisdictionFor(c, null))).toBe(true);
    expect(gdprApplies(jurisdictionFor(c, 'US-CA'))).toBe(false);
  });
});

describe('what runs before a decision', () => {
  it('opt-in (DE) and an unknown region: nothing optional', () => {
    for (const region of ['DE', undefined]) {
      const { consent } = start(region);
      expect(consent.getState()).toMatchObject({ status: 'undecided', choices: { functional: false, statistics: false, targeting: false } });
      expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
      expect(consent.isGranted({ vendor: 'analytics' })).toBe(false);
    }
  });

  it('the UK analytics exemption lets statistics run, only when chosen; the visitor can still refuse', () => {
    const { consent } = start('GB');
    expect(consent.isGranted({ vendor: 'analytics' })).toBe(true);
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
    consent.rejectAll();
    expect(consent.isGranted({ vendor: 'analytics' })).toBe(false);
    const plain = start('GB', false, { vendors, jurisdictions: { UK: 'opt-in' } }).consent;
    expect(plain.isGranted({ vendor: 'analytics' })).toBe(false);
  });

  it('opt-out (US-CA): everything runs until the visitor opts out of sale and sharing', () => {
    const { consent, events } = start('US-CA');
    expect(consent.getState().status).toBe('undecided');
    expect(consent.isGranted({ vendor: 'ads' })).toBe(true);
    // The "Do not sell or share" link.
    consent.update({ targeting: false }, { source: 'banner' });
    expect(consent.getState()).toMatchObject({ status: 'decided', choices: { functional: true, statistics: true, targeting: false } });
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
    expect(consent.isGranted({ vendor: 'analytics' })).toBe(true);
    expect(events.find((e) => e.type === 'change')).toMatchObject({ revoked: { categories: ['targeting'], vendors: ['ads'] } });
  });

  it('opt-out with GPC: targeting never runs and the opt-out is recorded as a gpc decision', async () => {
    const { consent, cookies, events } = start('US-CA', true);
    // Synchronously, before anything could release it.
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
    expect(consent.isGranted('targeting')).toBe(false);
    expect(consent.isGranted({ vendor: 'analytics' })).toBe(true);
    await Promise.resolve();
    const decision = events.find((e) => e.type === 'decision');
    expect(decision).toMatchObject({ type: 'decision', state: { status: 'decided', method: 'gpc', gpc: true, choices: { targeting: false, statistics: true } } });
    expect(cookies.get('consentry')).toBeTruthy();
    // Accepting all later still keeps targeting off while GPC is on.
    consent.acceptAll();
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
  });

  it('notice (US-TX) and none (BR): everything runs; GPC still keeps targeting off', () => {
    for (const region of ['US-TX', 'BR']) {
      expect(start(region).consent.isGranted({ vendor: 'ads' })).toBe(true);
      expect(start(region, true).consent.isGranted({ vendor: 'ads' })).toBe(false);
    }
  });

  it('a decision stands whatever the region: a refusal made in the US holds', () => {
    const cookies = createMemoryCookies();
    createConsent(config, { cookies, region: 'US-TX' }).rejectAll();
    const again = createConsent(config, { cookies, region: 'US-TX' });
    expect(again.getState().status).toBe('decided');
    expect(again.isGranted({ vendor: 'ads' })).toBe(false);
  });
});

describe('a region that arrives late', () => {
  it('holds the strictest rule until it arrives, then applies its own; never swapped once known', () => {
    const { consent, events } = start(undefined);
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
    expect(events).toEqual([]);
    expect(consent.setRegion('US-TX')).toBe(true);
    expect(consent.jurisdiction).toMatchObject({ region: 'US-TX', rule: 'notice' });
    expect(consent.isGranted({ vendor: 'ads' })).toBe(true);
    expect(events[0]).toMatchObject({ type: 'change', granted: { vendors: ['analytics', 'ads', 'chat'] } });
    expect(consent.setRegion('DE')).toBe(false);
    expect(consent.jurisdiction.region).toBe('US-TX');
  });

  it('an unreadable late region changes nothing', () => {
    const { consent } = start(undefined);
    expect(consent.setRegion('XX')).toBe(false);
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
  });

  it('a late US-CA region with GPC records the opt-out', async () => {
    const { consent, events } = start(undefined, true);
    consent.setRegion('US-CA');
    expect(consent.isGranted({ vendor: 'ads' })).toBe(false);
    await Promise.resolve();
    expect(events.filter((e) => e.type === 'decision')).toHaveLength(1);
    expect(consent.getState().method).toBe('gpc');
  });
});
