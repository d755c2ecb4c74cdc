// `method: "gpc"` means one thing (docs/proofs.md): the visitor asked for more than Global Privacy
// Control allows and GPC held targeting back. Every decision made while GPC applies says `gpc: true`.
import { describe, expect, it } from 'vitest';
import { createConsent } from './consent.js';
import { createMemoryCookies } from './memory-cookies.js';
import type { ConsentConfig } from './types.js';

const config: ConsentConfig = {
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: { 'meta-pixel': { id: '1', category: 'targeting' }, hotjar: { id: '2', category: 'statistics' } },
};
const make = (gpc: boolean, cfg: ConsentConfig = config, cookies = createMemoryCookies()) => createConsent(cfg, { cookies, gpc });

describe('method "gpc"', () => {
  it('accept all under GPC is recorded as "gpc": targeting stays off because of the signal', () => {
    const consent = make(true);
    consent.acceptAll({ source: 'banner' });
    expect(consent.getState()).toMatchObject({ method: 'gpc', gpc: true, choices: { targeting: false, statistics: true } });
  });

  it('survives the cookie: a later page load reads method "gpc" back', () => {
    const cookies = createMemoryCookies();
    make(true, config, cookies).acceptAll();
    expect(make(true, config, cookies).getState()).toMatchObject({ status: 'decided', method: 'gpc', gpc: true });
  });

  it('a refusal or an explicit choice keeps its own method, with gpc: true', () => {
    const refused = make(true);
    refused.rejectAll();
    expect(refused.getState()).toMatchObject({ method: 'reject-all', gpc: true });
    const custom = make(true);
    custom.update({ targeting: true });
    expect(custom.getState()).toMatchObject({ method: 'custom', gpc: true, choices: { targeting: true } });
  });

  it('GPC changed nothing when the site has no targeting category: plain accept-all', () => {
    const consent = make(true, { categories: { statistics: {} }, vendors: {} });
    consent.acceptAll();
    expect(consent.getState()).toMatchObject({ method: 'accept-all', gpc: true });
  });

  it('without the signal, or with config gpc: false, accept all is accept-all', () => {
    const off = make(false);
    off.acceptAll();
    expect(off.getState()).toMatchObject({ method: 'accept-all', gpc: false, choices: { targeting: true } });
    const ignored = make(true, { ...config, gpc: false });
    ignored.acceptAll();
    expect(ignored.getState()).toMatchObject({ method: 'accept-all', gpc: false, choices: { targeting: true } });
  });
});
