import { CRITEO_COOKIES } from '../data/cookies.js';
import { injectScript, queue, str } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const criteo: VendorDefinition = {
  id: 'criteo',
  name: 'Criteo',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows visitors personalised product ads on other sites based on the products they viewed here.',
  privacyPolicy: 'https://www.criteo.com/privacy/',
  hosts: ['static.criteo.net', 'criteo.net', 'criteo.com'],
  cookies: CRITEO_COOKIES,
  storage: ['cto_bundle', 'cto_bidid'],
  idParam: { type: 'string', required: true, pattern: /^\d{3,8}$/, example: 'an account id of digits like 12345' },
  load(params, context) {
    const id = str(params.id);
    injectScript(`https://static.criteo.net/js/ld/ld.js?a=${encodeURIComponent(id)}`, context);
    const mobile = /iPad/.test(navigator.userAgent) ? 't' : /Mobile|iP(hone|od)|Android|BlackBerry|IEMobile|Silk/.test(navigator.userAgent) ? 'm' : 'd';
    queue('criteo_q').push({ event: 'setAccount', account: id }, { event: 'setSiteType', type: mobile }, { event: 'viewHome' });
  },
};
