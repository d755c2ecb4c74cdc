import { CRITEO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const criteo = defineVendor({
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
  init: [{ push: 'criteo_q', items: [{ event: 'setAccount', account: '{id}' }, { event: 'setSiteType', type: '{@device}' }, { event: 'viewHome' }] }],
  script: { src: 'https://static.criteo.net/js/ld/ld.js?a={id}' },
});
