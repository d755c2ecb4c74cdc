import { OUTBRAIN_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const outbrain: VendorDefinition = {
  id: 'outbrain',
  name: 'Outbrain',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Outbrain recommendations and ads and builds audiences for them.',
  privacyPolicy: 'https://www.outbrain.com/privacy/',
  hosts: ['amplify.outbrain.com', 'tr.outbrain.com', 'outbrain.com'],
  cookies: OUTBRAIN_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{30,40}$/, example: 'a marketer id of hex digits like 00a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' },
  load(params, context) {
    const w = win();
    if (!w.obApi) {
      const api: any = (...args: unknown[]) => (api.dispatch ? api.dispatch(...args) : api.queue.push(args));
      api.version = '1.1';
      api.loaded = true;
      api.marketerId = str(params.id);
      api.queue = [];
      w.obApi = api;
      injectScript('https://amplify.outbrain.com/cp/obtp.js', context);
    }
    w.obApi('track', 'PAGE_VIEW');
  },
};
