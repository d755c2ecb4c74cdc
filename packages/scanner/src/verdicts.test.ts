import { describe, expect, it } from 'vitest';
import { configSkeleton, gatedSnippets } from './skeleton.js';
import type { CmpReport, CookieRecord, PageReport, PassReport, RequestRecord, ScanReport } from './types.js';
import { buildVerdicts, vendorsFound } from './verdicts.js';

const req = (over: Partial<RequestRecord>): RequestRecord => ({
  url: 'https://connect.facebook.net/en_US/fbevents.js', host: 'connect.facebook.net', method: 'GET', kind: 'script', resourceType: 'script',
  phase: 'before-decision', t: 10, initiator: { type: 'script', script: 'https://shop.lv/', chain: [] },
  category: 'targeting', vendorId: 'meta-pixel', vendor: 'Meta Pixel', source: 'catalog', ...over,
});
const cookie = (over: Partial<CookieRecord>): CookieRecord => ({
  name: '_fbp', domain: 'shop.lv', path: '/', firstParty: true, lifetimeDays: 730, tooLong: true, phase: 'before-decision', writtenBy: null,
  expectedRetention: null, category: 'targeting', vendorId: 'meta-pixel', vendor: 'Meta Pixel', source: 'catalog', ...over,
});
const pass = (name: PassReport['pass'], over: Partial<PassReport> = {}): PassReport => ({
  pass: name, ok: true, error: null, action: { wanted: name === 'none' ? null : name, clicked: name !== 'none', control: null, at: name === 'none' ? null : 500, note: null, decidedOn: name === 'none' ? null : 'https://shop.lv/' },
  requests: [], cookies: [], storage: [], firstPartyRequests: 3, ...over,
});
const page = (url: string, passes: Partial<PageReport['passes']>): PageReport => ({ url, status: 200, depth: 0, notes: [], passes: { none: pass('none'), reject: null, accept: null, ...passes } });
const CMP: CmpReport = { found: true, name: 'X', accept: { by: 'markup', selector: '#a', text: 'accept all', tag: 'button' }, reject: { by: 'markup', selector: '#r', text: 'reject all', tag: 'button' }, firstLayerReject: true, prominence: { equal: true, differences: [] } };

describe('verdicts', () => {
  it('a clean site has none', () => {
    const pages = [page('https://shop.lv/', { reject: pass('reject'), accept: pass('accept', { requests: [req({ phase: 'after-decision' })] }) })];
    expect(buildVerdicts(pages, CMP)).toEqual([]);
  });

  it('counts cookies before consent per page, and what still sends after Reject all', () => {
    const leaky = (url: string) => page(url, { none: pass('none', { cookies: [cookie({})] }), reject: pass('reject', { requests: [req({ phase: 'after-decision' })] }) });
    const pages = [leaky('https://shop.lv/'), leaky('https://shop.lv/a'), page('https://shop.lv/b', {})];
    const v = buildVerdicts(pages, CMP);
    expect(v.map((x) => x.title)).toEqual([
      '_fbp set before consent on 2 of 3 pages',
      'after Reject all, Meta Pixel still sends',
      'cookie _fbp lives 2 years (max 13 months)',
    ]);
    expect(v[0]).toMatchObject({ severity: 'violation', fix: 'docs/scanner.md#cookie-before-consent', pages: ['https://shop.lv/', 'https://shop.lv/a'] });
  });

  it('a banner without Reject, or with a weaker one', () => {
    const pages = [page('https://shop.lv/', {})];
    expect(buildVerdicts(pages, { ...CMP, reject: null, firstLayerReject: false }).map((x) => x.id)).toEqual(['no-reject-button']);
    expect(buildVerdicts(pages, { ...CMP, prominence: { equal: false, differences: ['Reject is smaller'] } })[0]).toMatchObject({ id: 'reject-not-prominent', severity: 'warning', detail: 'Reject is smaller' });
  });

  it('the config skeleton maps catalog vendors with their ids and lists unknown hosts switched off', () => {
    const pages = [page('https://shop.lv/', { none: pass('none', { requests: [
      req({ url: 'https://www.facebook.com/tr?id=1234567890&ev=PageView', host: 'www.facebook.com', kind: 'beacon' }),
      req({ url: 'https://px.tracker.example/p.gif', host: 'px.tracker.example', vendorId: null, vendor: null, category: 'unknown', source: null }),
    ] }) })];
    const report = { vendors: vendorsFound(pages) } as ScanReport;
    expect(configSkeleton(report)).toEqual({
      revision: 1,
      categories: { targeting: {} },
      vendors: {
        'meta-pixel': { id: '1234567890' },
        'unknown-px-tracker-example': { enabled: false, category: 'targeting', host: 'px.tracker.example', decide: expect.stringContaining('not in the catalog') },
      },
      links: { privacyPolicy: '/privacy' },
    });
  });

  it('reads ids the requests did not show from the site\'s Consentry config and from inline snippets', () => {
    const pages = [page('https://shop.lv/', { accept: pass('accept', { requests: [req({ phase: 'after-decision' }), req({ url: 'https://static.hotjar.com/c/x.js', host: 'static.hotjar.com', vendorId: 'hotjar', vendor: 'Hotjar', category: 'statistics' })] }) })];
    const report = { vendors: vendorsFound(pages) } as ScanReport;
    const scripts = [
      { page: 'https://shop.lv/', tag: { attrs: [['type', 'application/json'], ['id', 'consentry-config']] as Array<[string, string]>, text: '{"vendors":{"meta-pixel":{"id":"1234567890"}}}' } },
      { page: 'https://shop.lv/', tag: { attrs: [] as Array<[string, string]>, text: 'h._hjSettings={hjid:3456789,hjsv:6}' } },
    ];
    expect(configSkeleton(report, scripts).vendors).toEqual({ 'meta-pixel': { id: '1234567890' }, hotjar: { id: '3456789' } });
  });

  it('gated markup keeps the tag and holds it as text; already gated tags are left alone', () => {
    const out = gatedSnippets([
      { page: 'https://shop.lv/', tag: { attrs: [['async', ''], ['src', 'https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1']], text: '' } },
      { page: 'https://shop.lv/', tag: { attrs: [['type', 'text/plain'], ['data-category', 'statistics'], ['src', 'https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1']], text: '' } },
      { page: 'https://shop.lv/', tag: { attrs: [], text: "fbq('init','1');t.src='https://connect.facebook.net/en_US/fbevents.js'" } },
      { page: 'https://shop.lv/', tag: { attrs: [['src', '/site.js']], text: '' } },
    ]);
    expect(out.map((s) => s.gated)).toEqual([
      '<script type="text/plain" data-vendor="google-analytics" data-category="statistics" async src="https://www.googletagmanager.com/gtag/js?id=G-ABCDEF1"></script>',
      '<script type="text/plain" data-vendor="meta-pixel" data-category="targeting">fbq(\'init\',\'1\');t.src=\'https://connect.facebook.net/en_US/fbevents.js\'</script>',
    ]);
  });
});
