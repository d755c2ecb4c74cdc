import { MIXPANEL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const mixpanel = defineVendor({
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
  // Loaded already, or the site pasted Mixpanel's own snippet (its stub sets __SV): one copy only.
  skip: ['mixpanel.__loaded', 'mixpanel.__SV'],
  // Mixpanel's snippet: an array-backed stub; the library replays `_i` (init calls) and queued methods.
  stubs: [{ name: 'mixpanel', array: true, methods: ['track', 'track_pageview', 'identify', 'register', 'register_once', 'unregister', 'reset', 'alias', 'set_config', 'opt_in_tracking', 'opt_out_tracking', 'time_event', 'track_links', 'track_forms'], props: { __SV: 1.2 } }],
  init: [{ push: 'mixpanel._i', items: [['{id}', { track_pageview: true }, 'mixpanel']] }],
  script: { src: 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js' },
  // Only a loaded client: the snippet's stub would replay it into a client that may never load.
  consent: {
    granted: [{ call: 'mixpanel.opt_in_tracking', when: 'mixpanel.has_opted_out_tracking' }],
    denied: [{ call: 'mixpanel.opt_out_tracking', when: 'mixpanel.__loaded' }],
  },
});
