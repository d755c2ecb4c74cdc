import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from './catalog.js';
import { SAMPLES } from './test-utils/samples.js';

const defs = Object.values(catalog);
const OPTIONAL_ID = ['matomo', 'youtube', 'vimeo', 'google-maps', ...Object.keys(SAMPLES).filter((id) => SAMPLES[id]!.ok.length === 0)];

/** The database sits beside the repository (../shared); look upwards from the working directory. */
function findDatabase(): string | null {
  for (let dir = process.cwd(); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'shared/data/open-cookie-database/open-cookie-database.csv');
    if (existsSync(file)) return file;
  }
  return null;
}
const database = findDatabase();

/** A valid and some malformed ids per vendor (ids optional for embeds). */
const IDS: Record<string, { ok: string[]; bad: string[] }> = {
  'google-analytics': { ok: ['G-XXXXXXX', 'G-ABC1234DEF'], bad: ['UA-12345-1', 'G-abc', 'GTM-ABC1234', 'G-'] },
  'google-tag-manager': { ok: ['GTM-ABC1234', 'GTM-K9X2'], bad: ['G-ABC1234', 'GTM-', 'gtm-abc1234'] },
  'google-ads': { ok: ['AW-123456789'], bad: ['AW-abc', '123456789', 'G-ABC1234'] },
  'google-adsense': { ok: ['ca-pub-1234567890123456'], bad: ['pub-1234567890123456', 'ca-pub-12'] },
  'meta-pixel': { ok: ['1234567890123456', '1234567890'], bad: ['12a45', 'fb-123456789'] },
  hotjar: { ok: ['1234567'], bad: ['12', 'abc1234', '1234567890123'] },
  'microsoft-clarity': { ok: ['abcde12345'], bad: ['ABCDE12345', 'abc'] },
  'linkedin-insight': { ok: ['1234567'], bad: ['li-1234', '12'] },
  'tiktok-pixel': { ok: ['C4A1B2C3D4E5F6G7H8I9'], bad: ['c4a1b2c3d4e5f6g7h8i9', 'C4A1B2'] },
  'pinterest-tag': { ok: ['2612345678901'], bad: ['26123', 'abc2612345678901'] },
  'x-pixel': { ok: ['o1a2b'], bad: ['O1A2B', 'o1a2b3c4'] },
  'microsoft-uet': { ok: ['12345678'], bad: ['UET-1234', '123'] },
  criteo: { ok: ['12345'], bad: ['12', 'abc'] },
  taboola: { ok: ['1234567'], bad: ['1234', 'tb-1234567'] },
  'yandex-metrica': { ok: ['12345678'], bad: ['ym-123', '1234'] },
  matomo: { ok: [], bad: [] },
  mixpanel: { ok: ['0123456789abcdef0123456789abcdef'], bad: ['0123456789ABCDEF0123456789ABCDEF', 'abc'] },
  amplitude: { ok: ['0123456789abcdef0123456789abcdef'], bad: ['xyz'] },
  posthog: { ok: ['phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef'], bad: ['AbCdEfGhIjKlMnOpQrStUvWx', 'phc_short'] },
  segment: { ok: ['9XyZabcdEFGH1234ijklMNOP'], bad: ['short', 'has-dashes-in-it-1234567'] },
  hubspot: { ok: ['1234567'], bad: ['hs-1234567'] },
  intercom: { ok: ['abc12345'], bad: ['ABC12345', 'abc1234567'] },
  youtube: { ok: [], bad: [] },
  vimeo: { ok: [], bad: [] },
  'google-maps': { ok: ['AIzaSyA1234567890abcdefghijklmnopqrstuv'], bad: ['AIza123', 'key-123'] },
  adform: { ok: ['1234567'], bad: ['pm-123'] },
  gemius: { ok: ['nSblbvtw7aVjNpcxPZ.TJtX1XtUR2EeBQ.1WqmWQ4n.n7'], bad: ['short', 'has spaces in the identifier string'] },
  'snapchat-pixel': { ok: ['0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'], bad: ['0a1b2c3d4e5f', 'not-a-uuid'] },
  'reddit-pixel': { ok: ['a2_abc123def', 't2_abcdef12'], bad: ['abc123def', 'a2_AB'] },
  outbrain: { ok: ['00a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'], bad: ['00a1', 'XYZ1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'] },
  'crazy-egg': { ok: ['00123456'], bad: ['123', '0012/3456'] },
  'tawk-to': { ok: ['5f1a2b3c4d5e6f7a8b9c0d1e/1abcdefgh'], bad: ['5f1a2b3c4d5e6f7a8b9c0d1e', 'x/y'] },
  ...SAMPLES,
};

/**
 * Vendors without a loader: the site pastes their own tag (its script URL is built at run time, or it
 * must run synchronously, or it is a per-customer deployment) and Consentry holds it by hosts. Listed
 * so that a vendor cannot lose its loader unnoticed; embeds and fonts are markup by nature.
 */
const MARKUP_ONLY = ['xandr', 'the-trade-desk', 'teads', 'equativ', 'admixer', 'adscale', 'mailchimp', 'permutive', 'adobe-audience-manager', 'piano-analytics', 'infonline', 'dotmetrics', 'rudderstack', 'dynatrace', 'qualtrics', 'surveymonkey', 'dynamic-yield', 'vwo', 'drift', 'bazaarvoice'];

/** Vendors the issue names that the Open Cookie Database lists (Smartlook, Mouseflow, FullStory, VK, SoundCloud and Brevo are not in it; Hotjar Surveys is the `hotjar` entry: one script, one set of cookies). */
const ISSUE_NAMED = ['google-ads', 'google-floodlight', 'google-ad-manager', 'criteo', 'taboola', 'adform', 'gemius', 'yandex-metrica', 'heap', 'plausible', 'matomo-cookieless', 'vimeo', 'spotify', 'google-maps', 'google-recaptcha', 'cloudflare-turnstile', 'zendesk', 'tawk-to', 'crisp', 'livechat', 'drift', 'trustpilot', 'mailchimp', 'klaviyo', 'adobe-analytics', 'optimizely', 'vwo', 'ab-tasty', 'instagram', 'x-embed', 'google-fonts'];

const REQUIRED = ['google-analytics', 'google-tag-manager', 'google-ads', 'meta-pixel', 'hotjar', 'microsoft-clarity', 'linkedin-insight', 'tiktok-pixel', 'pinterest-tag', 'x-pixel', 'microsoft-uet', 'criteo', 'taboola', 'yandex-metrica', 'matomo', 'mixpanel', 'amplitude', 'posthog', 'segment', 'hubspot', 'intercom', 'youtube', 'vimeo', 'google-maps', 'adform', 'gemius'];

describe('vendor catalog', () => {
  it('has at least 100 vendors, including every one the issues name', () => {
    expect(defs.length).toBeGreaterThanOrEqual(100);
    for (const id of [...REQUIRED, ...ISSUE_NAMED]) expect(catalog, id).toHaveProperty([id]);
  });

  it('gives every vendor a loader unless it is an embed, a font or listed as markup-only', () => {
    for (const def of defs) {
      const markup = def.kind === 'embed' || def.kind === 'font' || MARKUP_ONLY.includes(def.id);
      expect(typeof def.load, def.id).toBe(markup && !['youtube', 'vimeo', 'google-maps'].includes(def.id) ? 'undefined' : 'function');
    }
  });

  it('states cookies for every vendor, or why it sets none', () => {
    for (const def of defs) {
      if (def.cookies.length === 0) expect(def.cookieless ?? (def.id === 'google-tag-manager' ? def.purpose : ''), def.id).toMatch(/no cookie/i);
      else expect(def.cookieless, def.id).toBeUndefined();
    }
  });

  it('keys every entry by its own id, once', () => {
    for (const [key, def] of Object.entries(catalog)) expect(def.id).toBe(key);
    expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
    for (const def of defs) expect(def.id).toMatch(/^[a-z\d][a-z\d-]{0,63}$/);
  });

  it.each(defs.map((d) => [d.id, d] as const))('%s has every required field', (_id, def) => {
    expect(def.name.trim()).not.toBe('');
    expect(['functional', 'statistics', 'targeting']).toContain(def.category);
    expect(def.purpose.length).toBeGreaterThan(30);
    expect(def.purpose).toMatch(/\.$/);
    expect(new URL(def.privacyPolicy).protocol).toBe('https:');
    expect(def.hosts.length).toBeGreaterThan(0);
    for (const host of def.hosts) expect(host).toMatch(/^(([a-z\d-]+\.)+[a-z]{2,}(\/[\w./-]*)?|\*\/[\w./-]+\?\w+)$/);
    for (const cookie of def.cookies) {
      expect(cookie.name.trim()).toBe(cookie.name);
      expect(cookie.name).not.toBe('');
      expect(cookie.lifetime).not.toBe('');
    }
  });

  it('lists cookies for every tracker (analytics and advertising vendors), first-party ones where the database has them', () => {
    for (const def of defs.filter((d) => d.kind === 'analytics' || d.kind === 'advertising')) {
      expect(def.cookies.length || def.cookieless, def.id).toBeTruthy();
      // The original catalog's trackers all write on the site's own domain; a pixel whose cookies live only on its
      // own domain (The Trade Desk, Comscore) has nothing there for the page to clean up.
      if (REQUIRED.includes(def.id)) expect(def.cookies.some((c) => !c.thirdParty), `${def.id} has a first-party cookie to clean up`).toBe(true);
    }
  });

  it.skipIf(!database)(`takes cookie names from the Open Cookie Database unless marked as Consentry additions${database ? '' : ' (skipped: the Open Cookie Database is not beside this checkout)'}`, () => {
    const csv = readFileSync(database as string, 'utf8');
    // The name column, exactly (not a substring of some description).
    const names = new Set(csv.split('\n').map((line) => line.split(',')[3]?.trim().replace(/^"(.*)"$/, '$1')));
    let fromDatabase = 0;
    for (const def of defs) {
      const listed = def.cookies.filter((c) => c.source !== 'consentry');
      for (const cookie of listed) expect(names.has(cookie.name), `${def.id}: ${cookie.name}`).toBe(true);
      if (listed.length) fromDatabase++;
    }
    expect(fromDatabase).toBeGreaterThanOrEqual(90);
  });

  it.each(Object.entries(IDS))('%s id pattern accepts real ids and rejects malformed ones', (id, samples) => {
    const spec = catalog[id]?.idParam;
    expect(spec, id).toBeDefined();
    expect(spec?.required).toBe(!OPTIONAL_ID.includes(id));
    if (samples.ok.length === 0) return;
    expect(spec?.example).toBeTruthy();
    for (const ok of samples.ok) expect(spec?.pattern?.test(ok), `${id} accepts ${ok}`).toBe(true);
    for (const bad of samples.bad) expect(spec?.pattern?.test(bad), `${id} rejects ${bad}`).toBe(false);
  });

  it('has id samples for every vendor', () => {
    expect(Object.keys(IDS).sort()).toEqual(Object.keys(catalog).sort());
  });
});
