import Cookies from 'js-cookie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from './consent.js';
import { createMemoryCookies } from './memory-cookies.js';
import type { ConsentConfig, ConsentEvent } from './types.js';

const DAY = 864e5;
const T0 = Date.UTC(2026, 10, 23, 10);
const config: ConsentConfig = {
  revision: 1,
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: {
    'google-analytics': { id: 'G-ABC123', category: 'statistics' },
    hotjar: { id: '123', category: 'statistics' },
    'meta-pixel': { id: '1234567890', category: 'targeting' },
    youtube: { category: 'targeting' },
  },
};

function setup(overrides: Partial<Parameters<typeof createConsent>[1]> = {}, cfg: ConsentConfig = config) {
  let time = T0;
  const cookies = createMemoryCookies();
  const clock = { advance: (ms: number) => void (time += ms), now: () => time };
  const make = (c: ConsentConfig = cfg) => createConsent(c, { cookies, now: () => time, gpc: false, ...overrides });
  return { consent: make(), cookies, clock, make };
}

describe('createConsent', () => {
  it('starts undecided with only necessary granted', () => {
    const { consent } = setup();
    const s = consent.getState();
    expect(s.status).toBe('undecided');
    expect(s.choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
    expect(s.vendors).toEqual({ 'google-analytics': false, hotjar: false, 'meta-pixel': false, youtube: false });
    expect(s.consentId).toBeNull();
    expect(consent.isGranted('necessary')).toBe(true);
    expect(consent.isGranted('statistics')).toBe(false);
    expect(consent.isGranted({ vendor: 'google-analytics' })).toBe(false);
  });

  it('acceptAll grants every listed category and vendor and persists it', () => {
    const { consent, cookies, make } = setup();
    consent.acceptAll();
    const s = consent.getState();
    expect(s.status).toBe('decided');
    expect(s.method).toBe('accept-all');
    expect(s.decidedAt).toBe(T0);
    expect(s.expiresAt).toBe(T0 + 365 * DAY);
    expect(s.consentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(true);
    const stored = cookies.jar.get('consentry')!;
    expect(stored.attributes).toMatchObject({ path: '/', sameSite: 'Lax', expires: 365, secure: false });
    expect(stored.value.length).toBeLessThan(200);
    // A second page view reads the same decision.
    expect(make().getState()).toEqual(s);
  });

  it('rejectAll denies everything and is remembered for the refusal lifetime', () => {
    const { consent, cookies } = setup();
    consent.rejectAll();
    expect(consent.getState()).toMatchObject({ status: 'decided', method: 'reject-all', expiresAt: T0 + 182 * DAY });
    expect(consent.getState().choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
    expect(cookies.jar.get('consentry')!.attributes.expires).toBe(182);
  });

  it('update merges a partial choice and lets vendors follow their category', () => {
    const { consent } = setup();
    consent.update({ statistics: true, vendors: { hotjar: false } });
    expect(consent.getState().method).toBe('custom');
    expect(consent.isGranted('statistics')).toBe(true);
    expect(consent.isGranted({ vendor: 'google-analytics' })).toBe(true);
    expect(consent.isGranted({ vendor: 'hotjar' })).toBe(false);
    expect(consent.isGranted('targeting')).toBe(false);
    consent.update({ targeting: true });
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(true);
    expect(consent.isGranted({ vendor: 'hotjar' })).toBe(false); // untouched category keeps its vendor switches
  });

  it('grants a vendor only when its category is granted too', () => {
    const { consent } = setup();
    consent.update({ statistics: false, vendors: { 'google-analytics': true } });
    expect(consent.getState().vendors['google-analytics']).toBe(true);
    expect(consent.isGranted({ vendor: 'google-analytics' })).toBe(false);
    expect(consent.isGranted({ vendor: 'no-such-vendor' })).toBe(false);
  });

  it('never grants a category the config does not list', () => {
    const { consent } = setup({}, { categories: { statistics: {} } });
    consent.acceptAll();
    expect(consent.getState().choices).toEqual({ necessary: true, functional: false, statistics: true, targeting: false });
    consent.update({ targeting: true });
    expect(consent.isGranted('targeting')).toBe(false);
  });

  it('keeps the consent id across changes of mind and forgets it on reset', () => {
    const { consent, cookies } = setup();
    consent.acceptAll();
    const id = consent.getState().consentId;
    consent.update({ statistics: false });
    consent.rejectAll();
    expect(consent.getState().consentId).toBe(id);
    consent.reset();
    expect(consent.getState()).toMatchObject({ status: 'undecided', consentId: null });
    expect(cookies.jar.has('consentry')).toBe(false);
    consent.acceptAll();
    expect(consent.getState().consentId).not.toBe(id);
  });

  it('emits change with granted and revoked, and decision for every decision', () => {
    const { consent } = setup();
    const events: ConsentEvent[] = [];
    const off = consent.subscribe((e) => events.push(e));
    consent.update({ statistics: true });
    consent.update({ statistics: true }); // same again, same moment: a decision, but no new state
    consent.update({ statistics: false, targeting: true });
    off();
    consent.rejectAll();
    expect(events.map((e) => e.type)).toEqual(['change', 'decision', 'decision', 'change', 'decision']);
    const [first, , , last] = events as Array<Extract<ConsentEvent, { type: 'change' }>>;
    expect(first!.granted).toEqual({ categories: ['statistics'], vendors: ['google-analytics', 'hotjar'] });
    expect(first!.revoked).toEqual({ categories: [], vendors: [] });
    expect(last!.granted).toEqual({ categories: ['targeting'], vendors: ['meta-pixel', 'youtube'] });
    expect(last!.revoked).toEqual({ categories: ['statistics'], vendors: ['google-analytics', 'hotjar'] });
  });

  it('on() filters by event type and passes decision source and previous state', () => {
    const { consent } = setup();
    const seen: string[] = [];
    consent.on('decision', (e) => seen.push(`${e.source}:${e.previous.status}->${e.state.status}`));
    consent.acceptAll({ source: 'banner' });
    consent.rejectAll({ source: 'preferences' });
    consent.update({ statistics: true });
    expect(seen).toEqual(['banner:undecided->decided', 'preferences:decided->decided', 'api:decided->decided']);
  });

  it('announces a reset after a refusal, though it grants and revokes nothing', () => {
    const { consent } = setup();
    consent.rejectAll();
    const seen: string[] = [];
    consent.on('change', (e) => seen.push(e.state.status));
    consent.reset();
    consent.refresh(); // nothing new: no event
    expect(seen).toEqual(['undecided']);
  });

  it('keeps notifying other listeners when one throws', () => {
    const { consent } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    consent.subscribe(() => {
      throw new Error('boom');
    });
    consent.subscribe(good);
    expect(() => consent.acceptAll()).not.toThrow();
    expect(good).toHaveBeenCalledTimes(2); // change + decision
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('returns the same state object until something changes', () => {
    const { consent } = setup();
    const a = consent.getState();
    expect(consent.getState()).toBe(a);
    consent.acceptAll();
    expect(consent.getState()).not.toBe(a);
  });
});

describe('re-prompting', () => {
  it('re-prompts when a consent lapses after 12 months and keeps the consent id', () => {
    const { consent, clock, make } = setup();
    consent.acceptAll();
    const id = consent.getState().consentId;
    clock.advance(365 * DAY - 1);
    consent.refresh();
    expect(consent.getState().status).toBe('decided');
    clock.advance(1);
    const changes: ConsentEvent[] = [];
    consent.subscribe((e) => changes.push(e));
    consent.refresh();
    expect(consent.getState()).toMatchObject({ status: 'undecided', consentId: id });
    expect(consent.isGranted('statistics')).toBe(false);
    expect(changes[0]).toMatchObject({ type: 'change', revoked: { categories: ['functional', 'statistics', 'targeting'] } });
    expect(make().getState().status).toBe('undecided');
  });

  it('re-prompts a refusal after 6 months', () => {
    const { consent, clock, make } = setup();
    consent.rejectAll();
    clock.advance(181 * DAY);
    expect(make().getState().status).toBe('decided');
    clock.advance(DAY);
    expect(make().getState().status).toBe('undecided');
  });

  it('honours configured lifetimes, for a consent and for a refusal', () => {
    const short = { ...config, cookie: { expiresDays: 30, refusalExpiresDays: 10 } };
    const { consent, cookies, clock, make } = setup({}, short);
    consent.update({ functional: true });
    expect(consent.getState().expiresAt).toBe(T0 + 30 * DAY);
    expect(cookies.jar.get('consentry')!.attributes.expires).toBe(30);
    clock.advance(30 * DAY - 1);
    expect(make().getState().status).toBe('decided');
    clock.advance(1);
    expect(make().getState().status).toBe('undecided');
    const refusal = make();
    refusal.rejectAll();
    expect(cookies.jar.get('consentry')!.attributes.expires).toBe(10);
    clock.advance(10 * DAY - 1);
    expect(make().getState().status).toBe('decided');
    clock.advance(1);
    expect(make().getState().status).toBe('undecided');
  });

  it('re-prompts when the config revision rises, granting nothing until the visitor decides again', () => {
    const { consent, make } = setup();
    consent.acceptAll();
    const id = consent.getState().consentId;
    const next = make({ ...config, revision: 2 });
    expect(next.getState()).toMatchObject({ status: 'undecided', consentId: id, revision: 2 });
    expect(next.isGranted('targeting')).toBe(false);
    next.rejectAll();
    expect(next.getState()).toMatchObject({ status: 'decided', consentId: id, revision: 2 });
  });

  it('re-prompts when a vendor is added to a category the visitor granted', () => {
    const { consent, make } = setup();
    consent.acceptAll();
    const more = { ...config, vendors: { ...config.vendors, tiktok: { category: 'targeting' as const } } };
    expect(make(more).getState().status).toBe('undecided');
    expect(make(config).getState().status).toBe('decided');
  });

  it('keeps a refusal when vendors are added: it stands for its 6 months', () => {
    const { consent, make } = setup();
    consent.rejectAll();
    const more = { ...config, vendors: { ...config.vendors, tiktok: { category: 'targeting' as const }, mixpanel: { category: 'statistics' as const } } };
    const next = make(more);
    expect(next.getState().status).toBe('decided');
    expect(next.isGranted({ vendor: 'tiktok' })).toBe(false);
    expect(next.isGranted({ vendor: 'mixpanel' })).toBe(false);
  });

  it('keeps a decision when the new vendor sits in a category the visitor refused, and denies that vendor', () => {
    const { consent, make } = setup();
    consent.update({ statistics: true });
    const more = { ...config, vendors: { ...config.vendors, tiktok: { category: 'targeting' as const } } };
    const next = make(more);
    expect(next.getState().status).toBe('decided');
    expect(next.isGranted('statistics')).toBe(true);
    expect(next.isGranted({ vendor: 'tiktok' })).toBe(false);
  });

  it('re-prompts when a vendor moves into a category the visitor granted', () => {
    const { consent, make } = setup();
    consent.update({ statistics: true });
    const moved = { ...config, vendors: { ...config.vendors, 'meta-pixel': { id: '1234567890', category: 'statistics' as const } } };
    expect(make(moved).getState().status).toBe('undecided');
  });

  it('denies a category the config no longer lists, whatever the cookie says', () => {
    const { consent, make } = setup();
    consent.acceptAll();
    const { targeting: _, ...fewer } = config.categories!;
    const vendors = Object.fromEntries(Object.entries(config.vendors!).filter(([, v]) => v.category !== 'targeting'));
    const next = make({ ...config, categories: fewer, vendors });
    expect(next.getState().status).toBe('decided');
    expect(next.isGranted('targeting')).toBe(false);
    expect(next.getState().choices.targeting).toBe(false);
    expect(next.isGranted('statistics')).toBe(true);
  });

  it('picks up a decision another tab wrote on refresh()', () => {
    const { consent, make } = setup();
    const other = make();
    other.acceptAll();
    expect(consent.getState().status).toBe('undecided');
    consent.refresh();
    expect(consent.getState().status).toBe('decided');
    other.reset();
    consent.refresh();
    expect(consent.getState().status).toBe('undecided');
  });
});

describe('Global Privacy Control', () => {
  it('keeps targeting denied on acceptAll and records that GPC applied', () => {
    const { consent } = setup({ gpc: true });
    consent.acceptAll();
    const s = consent.getState();
    expect(s.choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: false });
    expect(s.gpc).toBe(true);
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(false);
    expect(consent.isGranted({ vendor: 'google-analytics' })).toBe(true);
  });

  it('still lets the visitor switch targeting on explicitly', () => {
    const { consent, make } = setup({ gpc: true });
    consent.update({ targeting: true });
    expect(consent.isGranted('targeting')).toBe(true);
    expect(make().getState().gpc).toBe(true);
  });

  it('is ignored when the config turns it off', () => {
    const { consent } = setup({ gpc: true }, { ...config, gpc: false });
    consent.acceptAll();
    expect(consent.getState()).toMatchObject({ gpc: false, choices: { targeting: true } });
  });

  it('reads navigator.globalPrivacyControl by default', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const consent = createConsent(config, { cookies: createMemoryCookies() });
      consent.acceptAll();
      expect(consent.isGranted('targeting')).toBe(false);
    } finally {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });
    }
  });
});

describe('default cookie store (document.cookie)', () => {
  beforeEach(() => Cookies.remove('consentry', { path: '/' }));
  afterEach(() => Cookies.remove('consentry', { path: '/' }));

  it('writes a URL-safe value to document.cookie and reads it back', () => {
    const consent = createConsent(config, { now: () => T0 });
    consent.update({ statistics: true, vendors: { hotjar: false } });
    const raw = document.cookie.split('; ').find((c) => c.startsWith('consentry='))!.slice('consentry='.length);
    expect(raw).toMatch(/^[A-Za-z0-9._~-]+$/);
    const again = createConsent(config, { now: () => T0 });
    expect(again.getState()).toEqual(consent.getState());
  });

  it('treats a tampered cookie as no decision and removes it', () => {
    document.cookie = 'consentry=1.zzzz.1.x.9.a0..; path=/';
    const consent = createConsent(config, { now: () => T0 });
    expect(consent.getState().status).toBe('undecided');
    expect(consent.isGranted('statistics')).toBe(false);
    expect(document.cookie).not.toContain('consentry=');
  });

  it('sets Secure on https and the configured domain', () => {
    const cookies = createMemoryCookies();
    const consent = createConsent({ ...config, cookie: { domain: '.example.com' } }, { cookies, secure: true });
    consent.acceptAll();
    expect(cookies.jar.get('consentry')!.attributes).toMatchObject({ secure: true, domain: '.example.com', sameSite: 'Lax' });
  });
});

describe('failing cookie stores', () => {
  it('fails closed when reading the cookie throws', () => {
    const consent = createConsent(config, {
      cookies: { get: () => { throw new Error('denied'); }, set: () => {}, remove: () => {} },
    });
    expect(consent.getState().status).toBe('undecided');
  });

  it('keeps the decision for this page when writing fails, without throwing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = createConsent(config, {
      cookies: { get: () => undefined, set: () => { throw new Error('quota'); }, remove: () => {} },
    });
    expect(() => consent.acceptAll()).not.toThrow();
    expect(consent.isGranted('statistics')).toBe(true);
    error.mockRestore();
  });
});

describe('order of effects', () => {
  it('persists the decision before any listener hears of it (nothing is released on an unsaved choice)', () => {
    const { consent, cookies } = setup();
    const seen: Array<[string, string | undefined]> = [];
    consent.subscribe((e) => seen.push([e.type, cookies.get('consentry')]));
    consent.acceptAll();
    expect(seen.map(([type]) => type)).toEqual(['change', 'decision']);
    for (const [, value] of seen) expect(value).toBeDefined();
  });
});
