import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { TCString } from '@iabtechlabtcf/core';
import { createConsent, createMemoryCookies, ConsentryConfigError } from '@consentry/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTcf, type Tcf } from './index.js';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/vendor-list-v150.json'), 'utf8'));
const installStub = createRequire(import.meta.filename)('@iabtechlabtcf/stub') as () => void;

type TcData = Record<string, any> & { eventStatus: string; tcString: string; listenerId: number };
const tcfapi = (...args: unknown[]) => (window as any).__tcfapi(...args);
const vendorList = (status = 200, body: unknown = fixture) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

const config = {
  cmpId: 300,
  cmpVersion: 3,
  gvl: '/consentry/gvl/',
  vendors: [10, 32, 91, 755, 900],
  publisherCountryCode: 'LV',
  publisherRestrictions: [{ purpose: 7, type: 'require-consent', vendors: [32] }],
  googleAtpProviders: [
    { id: 89, name: 'Example ATP One', privacyPolicy: 'https://atp89.test/privacy' },
    { id: 2577, name: 'Example ATP Two', privacyPolicy: 'https://atp2577.test/privacy' },
  ],
};

function clearCookies() {
  for (const c of document.cookie.split(/;\s*/)) if (c) document.cookie = `${c.split('=')[0]}=; Path=/; Max-Age=0`;
}
const ids = (v: { forEach(cb: (value: boolean, id: number) => void): void }) => {
  const out: number[] = [];
  v.forEach((value, id) => value && out.push(id));
  return out;
};

let tcf: Tcf | undefined;
beforeEach(() => {
  clearCookies();
  delete (window as any).__tcfapi;
  document.body.innerHTML = '';
  installStub();
});
afterEach(() => tcf?.destroy());

describe('createTcf: __tcfapi with IAB cmpapi, TC string v2.3 with IAB core', () => {
  it('fails closed with a path-naming error without a CMP ID: __tcfapi answers, but with no consent', () => {
    let err: unknown;
    try {
      createTcf({ config: { ...config, cmpId: undefined } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConsentryConfigError);
    expect((err as ConsentryConfigError).path).toBe('tcf.cmpId');
    expect((err as Error).message).toMatch(/CMP ID IAB Europe registered/);
    const ping = vi.fn();
    tcfapi('ping', 2, ping);
    expect(ping.mock.calls[0]![0]).toMatchObject({ cmpStatus: 'error', cmpLoaded: false });
    const listener = vi.fn();
    tcfapi('addEventListener', 2, listener);
    expect(listener).toHaveBeenCalledWith(null, false);
  });

  it('refuses a global-scope string and a vendor list on IAB servers', () => {
    expect(() => createTcf({ config: { ...config, isServiceSpecific: false } })).toThrow(/tcf.isServiceSpecific: must be true/);
    expect(() => createTcf({ config: { ...config, gvl: 'https://vendor-list.consensu.org/v3/' } })).toThrow(/tcf.gvl: IAB forbids/);
    expect(() => createTcf({ config: { ...config, publisherRestrictions: [{ purpose: 1, type: 'require-li', vendors: [10] }] } })).toThrow(/purpose 1 cannot rest on legitimate interest/);
  });

  it('a listener added to the stub before the CMP loads sees cmpuishown, then useractioncomplete with everything after Accept all', async () => {
    const events: TcData[] = [];
    tcfapi('addEventListener', 2, (data: TcData, ok: boolean) => ok && events.push(structuredClone(data)));
    const fetch = vendorList();
    tcf = createTcf({ config, fetch });
    await tcf.ready;
    expect(fetch).toHaveBeenCalledWith(`${new URL('/consentry/gvl/', document.baseURI).href}vendor-list.json`, { credentials: 'omit' });
    expect(tcf.needsDecision()).toBe(true);
    tcf.uiShown();
    expect(events.map((e) => e.eventStatus)).toEqual(['cmpuishown']);
    expect(events[0]!.purpose.consents).toEqual({});
    tcf.acceptAll();
    const last = events.at(-1)!;
    expect(last.eventStatus).toBe('useractioncomplete');
    expect(last).toMatchObject({ cmpId: 300, cmpVersion: 3, gdprApplies: true, isServiceSpecific: true, publisherCC: 'LV', enableAdvertiserConsentMode: true });
    expect(last.addtlConsent).toBe('2~89.2577~dv.');
    expect(Object.keys(last.purpose.consents).filter((k) => last.purpose.consents[k]).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // The deleted vendor 900 is never disclosed nor consented.
    expect(Object.keys(last.vendor.consents).filter((k) => last.vendor.consents[k]).map(Number)).toEqual([10, 32, 91, 755]);

    const decoded = TCString.decode(last.tcString);
    expect(last.tcString.split('.')).toHaveLength(3); // core, disclosed vendors, publisher TC
    expect(ids(decoded.vendorsDisclosed)).toEqual([10, 32, 91, 755]);
    expect(ids(decoded.vendorConsents)).toEqual([10, 32, 91, 755]);
    expect(ids(decoded.specialFeatureOptins)).toEqual([1, 2]);
    const { cmpId, cmpVersion, isServiceSpecific, publisherCountryCode, consentLanguage, vendorListVersion } = decoded;
    expect({ cmpId, cmpVersion, isServiceSpecific, publisherCountryCode, consentLanguage, vendorListVersion }).toEqual({ cmpId: 300, cmpVersion: 3, isServiceSpecific: true, publisherCountryCode: 'LV', consentLanguage: 'EN', vendorListVersion: 150 });
    expect(Number(decoded.policyVersion)).toBe(5);
    expect(decoded.publisherRestrictions.getRestrictions(32).map((r) => [r.purposeId, r.restrictionType])).toEqual([[7, 1]]);
    expect(document.cookie).toContain(`euconsent-v2=${last.tcString}`);
    expect(document.cookie).toContain('addtl_consent=2~89.2577~dv.');
  });

  it('Reject all: no consent, every legitimate interest objected, ATPs disclosed but not consented', async () => {
    tcf = createTcf({ config, fetch: vendorList() });
    await tcf.ready;
    tcf.rejectAll();
    const decoded = TCString.decode(tcf.tcString()!);
    expect(ids(decoded.purposeConsents)).toEqual([]);
    expect(ids(decoded.vendorConsents)).toEqual([]);
    expect(ids(decoded.purposeLegitimateInterests)).toEqual([]);
    expect(ids(decoded.vendorLegitimateInterests)).toEqual([]);
    expect(ids(decoded.specialFeatureOptins)).toEqual([]);
    expect(ids(decoded.vendorsDisclosed)).toEqual([10, 32, 91, 755]);
    expect(tcf.acString()).toBe('2~~dv.89.2577');
  });

  it('a custom choice decodes to exactly that choice, including objections to legitimate interest', async () => {
    tcf = createTcf({ config, fetch: vendorList() });
    await tcf.ready;
    tcf.save({ purposes: [1, 7], specialFeatures: [2], vendors: [32], purposeObjections: [2, 9], vendorObjections: [755], atp: [2577] });
    const decoded = TCString.decode(tcf.tcString()!);
    expect(ids(decoded.purposeConsents)).toEqual([1, 7]);
    expect(ids(decoded.specialFeatureOptins)).toEqual([2]);
    expect(ids(decoded.vendorConsents)).toEqual([32]);
    expect(ids(decoded.purposeLegitimateInterests)).toEqual([7, 8, 10, 11]);
    // 755 objected; 91 declares no LI purpose but special purposes, so its LI bit stays (IAB policy, June 2021).
    expect(ids(decoded.vendorLegitimateInterests)).toEqual([10, 32, 91]);
    expect(tcf.acString()).toBe('2~2577~dv.89');
  });

  it('follows Consentry decisions: Accept all in the banner gives everything, a category choice maps to purposes', async () => {
    const consent = createConsent({ categories: { statistics: {}, targeting: {} }, vendors: {} }, { cookies: createMemoryCookies(), crossTab: false });
    tcf = createTcf({ config, consent, fetch: vendorList() });
    await tcf.ready;
    consent.acceptAll();
    expect(ids(TCString.decode(tcf.tcString()!).purposeConsents)).toHaveLength(11);
    consent.update({ statistics: true, targeting: false });
    const decoded = TCString.decode(tcf.tcString()!);
    expect(ids(decoded.purposeConsents)).toEqual([1, 8, 9, 10]);
    expect(ids(decoded.specialFeatureOptins)).toEqual([]);
    expect(tcf.acString()).toBe('2~~dv.89.2577');
    consent.rejectAll();
    expect(ids(TCString.decode(tcf.tcString()!).purposeConsents)).toEqual([]);
  });

  it('a returning visitor gets tcloaded with the stored string; a new vendor in the list asks again', async () => {
    tcf = createTcf({ config, fetch: vendorList() });
    await tcf.ready;
    tcf.acceptAll();
    const stored = tcf.tcString();
    tcf.destroy();

    installStub();
    const events: TcData[] = [];
    tcfapi('addEventListener', 2, (data: TcData, ok: boolean) => ok && events.push(structuredClone(data)));
    tcf = createTcf({ config, fetch: vendorList() });
    await tcf.ready;
    expect(tcf.needsDecision()).toBe(false);
    expect(events.map((e) => [e.eventStatus, e.tcString])).toEqual([['tcloaded', stored]]);
    expect(events[0]!.addtlConsent).toBe('2~89.2577~dv.');
    tcf.destroy();

    const grown = structuredClone(fixture);
    grown.vendors['44'] = { ...grown.vendors['32'], id: 44, name: 'New Partner' };
    tcf = createTcf({ config: { ...config, vendors: [...config.vendors, 44] }, fetch: vendorList(200, grown) });
    await tcf.ready;
    expect(tcf.needsDecision()).toBe(true);
    expect(document.cookie).not.toMatch(/euconsent-v2=[^;]/);
  });

  it('a vendor list that cannot be fetched disables the API: no consent is signalled', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const listener = vi.fn();
    tcfapi('addEventListener', 2, listener);
    tcf = createTcf({ config, fetch: vendorList(503) });
    await expect(tcf.ready).rejects.toThrow(/answered 503/);
    expect(error.mock.calls[0]![0]).toMatch(/Consentry TCF: .*signals no consent/);
    const ping = vi.fn();
    tcfapi('ping', 2, ping);
    expect(ping.mock.calls[0]![0]).toMatchObject({ cmpStatus: 'error' });
    expect(listener.mock.calls.every(([data]) => !data?.tcString)).toBe(true);
    error.mockRestore();
  });

  it('gdprApplies false (from config until the jurisdiction rules exist): no string, gdprApplies false', async () => {
    const fetch = vendorList();
    tcf = createTcf({ config: { ...config, gdprApplies: false }, fetch });
    await tcf.ready;
    const got = vi.fn();
    tcfapi('addEventListener', 2, got);
    expect(got.mock.calls[0]![0]).toMatchObject({ gdprApplies: false });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['US-CA', false],
    ['DE', true],
    [undefined, true], // an unknown region falls to the strictest rule named: opt-in
  ])('gdprApplies follows the jurisdiction rules when the tcf section does not set it (region %s: %s)', async (region, applies) => {
    const consent = createConsent(
      { categories: { statistics: {}, targeting: {} }, jurisdictions: { EEA: 'opt-in', 'US-CA': 'opt-out' } },
      { cookies: createMemoryCookies(), region, gpc: false },
    );
    const fetch = vendorList();
    tcf = createTcf({ config, consent, fetch });
    await tcf.ready.catch(() => {});
    expect(tcf.config.gdprApplies).toBe(applies);
    // Where GDPR does not apply there is no vendor list to fetch and no TC string to make.
    expect(fetch.mock.calls.length > 0).toBe(applies);
    if (!applies) {
      const got = vi.fn();
      tcfapi('addEventListener', 2, got);
      expect(got.mock.calls[0]![0]).toMatchObject({ gdprApplies: false });
    }
  });

  it('ping, getTCData and removeEventListener per the CMP API', async () => {
    tcf = createTcf({ config, fetch: vendorList() });
    await tcf.ready;
    tcf.uiShown();
    tcf.acceptAll();
    const ping = vi.fn();
    tcfapi('ping', 2, ping);
    expect(ping.mock.calls[0]![0]).toMatchObject({ cmpLoaded: true, cmpStatus: 'loaded', cmpId: 300, cmpVersion: 3, gdprApplies: true });
    const data = vi.fn();
    tcfapi('getTCData', 2, data);
    expect(data.mock.calls[0]![1]).toBe(true);
    expect(data.mock.calls[0]![0]).toMatchObject({ tcString: tcf.tcString(), addtlConsent: '2~89.2577~dv.', eventStatus: 'useractioncomplete' });
    const seen: string[] = [];
    let id = -1;
    tcfapi('addEventListener', 2, (d: TcData, ok: boolean) => {
      if (ok) (id = d.listenerId), seen.push(d.tcString);
    });
    const removed = vi.fn();
    tcfapi('removeEventListener', 2, removed, id);
    expect(removed).toHaveBeenCalledWith(true, true);
    tcf.rejectAll();
    expect(seen).toHaveLength(1); // removed: the reject did not reach it
  });
});
