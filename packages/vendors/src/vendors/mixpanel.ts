import { MIXPANEL_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

const METHODS = ['track', 'track_pageview', 'identify', 'register', 'register_once', 'unregister', 'reset', 'alias', 'set_config', 'opt_in_tracking', 'opt_out_tracking', 'time_event', 'track_links', 'track_forms'];

export const mixpanel: VendorDefinition = {
  id: 'mixpanel',
  name: 'Mixpanel',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records product usage events (clicks, sign-ups, feature use) to analyse how visitors use the site.',
  privacyPolicy: 'https://mixpanel.com/legal/privacy-policy/',
  hosts: ['cdn.mxpnl.com', 'api-js.mixpanel.com', 'api-eu.mixpanel.com', 'mixpanel.com', 'mxpnl.com'],
  cookies: MIXPANEL_COOKIES,
  // `__mpq_*` is the batch queue, `__mp_opt_in_out_*` the opt-out flag; the databases hold session recordings and flags.
  storage: [{ prefix: 'mp_' }, { prefix: '__mpq_' }, { prefix: '__mp_opt_in_out_' }, { prefix: 'mixpanel' }],
  indexedDB: ['mixpanelBrowserDb', 'mixpanelFlagsDb', { prefix: 'mixpanel' }],
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{32}$/, example: 'a project token of 32 hex digits' },
  consent(granted) {
    const mp = win().mixpanel;
    if (!mp?.__loaded) return; // the snippet's stub would only replay it into a client that may never load
    if (!granted) mp.opt_out_tracking?.();
    else if (mp.has_opted_out_tracking?.()) mp.opt_in_tracking?.();
  },
  load(params, context) {
    const w = win();
    // Loaded already, or the site pasted Mixpanel's own snippet (its stub sets __SV): one copy only.
    if (w.mixpanel && (w.mixpanel.__loaded || w.mixpanel.__SV)) return;
    // Mixpanel's snippet: an array-backed stub; the library replays `_i` (init calls) and queued methods.
    const mp: any = (w.mixpanel = w.mixpanel || []);
    mp.__SV = 1.2;
    mp._i = mp._i || [];
    for (const method of METHODS) mp[method] = (...args: unknown[]) => mp.push([method, ...args]);
    mp._i.push([str(params.id), { track_pageview: true }, 'mixpanel']);
    injectScript('https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js', context);
  },
};
