import { describe, expect, it } from 'vitest';
import type { StoredDecision } from './codec.js';
import { recipientsFingerprint } from './policy.js';
import { resolveConfig } from './config.js';
import { transition, transitions, undecided } from './machine.js';
import type { ConsentState } from './types.js';

const DAY = 864e5;
const T0 = Date.UTC(2026, 0, 1);
const config = resolveConfig({ revision: 2, vendors: { hotjar: { category: 'statistics' } } });
const stored: StoredDecision = {
  consentId: '11111111-2222-4333-8444-555555555555',
  revision: 2,
  decidedAt: T0,
  choices: { necessary: true, functional: false, statistics: true, targeting: false },
  vendors: { hotjar: true },
  method: 'custom',
  gpc: false,
  vendorSet: recipientsFingerprint(config),
};
const decide = (now: number) => ({
  type: 'decide' as const,
  choices: stored.choices,
  vendors: stored.vendors,
  method: 'custom' as const,
  gpc: false,
  now,
  newId: () => 'new-id',
});
const decided: ConsentState = transition(undecided(config, null), { type: 'restore', stored, now: T0 }, config);

describe('the transition table', () => {
  it('covers every event in every state', () => {
    for (const status of ['undecided', 'decided'] as const) {
      expect(Object.keys(transitions[status]).sort()).toEqual(['decide', 'reset', 'restore', 'tick']);
    }
  });

  it('undecided + restore(valid) → decided', () => {
    expect(decided).toMatchObject({ status: 'decided', consentId: stored.consentId, expiresAt: T0 + 365 * DAY });
  });

  it('undecided + restore(nothing) → undecided', () => {
    expect(transition(undecided(config, null), { type: 'restore', stored: null, now: T0 }, config).status).toBe('undecided');
  });

  it('undecided + restore(old revision) → undecided, keeping the consent id', () => {
    const s = transition(undecided(config, null), { type: 'restore', stored: { ...stored, revision: 1 }, now: T0 }, config);
    expect(s).toMatchObject({ status: 'undecided', consentId: stored.consentId, revision: 2 });
  });

  it('undecided + restore(lapsed) → undecided', () => {
    const s = transition(undecided(config, null), { type: 'restore', stored, now: T0 + 365 * DAY }, config);
    expect(s.status).toBe('undecided');
  });

  it('undecided + decide → decided with a new consent id', () => {
    expect(transition(undecided(config, null), decide(T0), config)).toMatchObject({ status: 'decided', consentId: 'new-id', decidedAt: T0 });
  });

  it('undecided (re-prompted) + decide → decided with the old consent id', () => {
    expect(transition(undecided(config, 'old'), decide(T0), config).consentId).toBe('old');
  });

  it('undecided + tick → unchanged', () => {
    const s = undecided(config, null);
    expect(transition(s, { type: 'tick', now: T0 + 1000 * DAY }, config)).toBe(s);
  });

  it('decided + decide → decided, same consent id, new time', () => {
    expect(transition(decided, decide(T0 + DAY), config)).toMatchObject({ consentId: stored.consentId, decidedAt: T0 + DAY });
  });

  it('decided + tick before expiry → unchanged; at expiry → undecided', () => {
    expect(transition(decided, { type: 'tick', now: T0 + 365 * DAY - 1 }, config)).toBe(decided);
    expect(transition(decided, { type: 'tick', now: T0 + 365 * DAY }, config)).toMatchObject({ status: 'undecided', consentId: stored.consentId });
  });

  it('decided + restore(nothing) → undecided (another tab reset)', () => {
    expect(transition(decided, { type: 'restore', stored: null, now: T0 }, config)).toMatchObject({ status: 'undecided', consentId: stored.consentId });
  });

  it('any + reset → undecided with no consent id', () => {
    expect(transition(decided, { type: 'reset' }, config)).toEqual(undecided(config, null));
    expect(transition(undecided(config, 'x'), { type: 'reset' }, config)).toEqual(undecided(config, null));
  });

  it('denies everything but necessary while undecided', () => {
    expect(undecided(config, null).choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
    expect(undecided(config, null).vendors).toEqual({ hotjar: false });
  });
});
