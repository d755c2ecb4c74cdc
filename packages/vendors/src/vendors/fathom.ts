import { FATHOM_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const fathom = defineVendor({
  id: 'fathom',
  name: 'Fathom Analytics',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Counts page views and where visitors came from without cookies; the visitor’s IP address and browser reach its server.',
  privacyPolicy: 'https://usefathom.com/privacy',
  hosts: ['usefathom.com', 'cdn.usefathom.com'],
  cookies: FATHOM_COOKIES,
  cookieless: 'Sets no cookie; the visitor\'s IP address and browser reach Fathom\'s servers, which hash them and keep no IP address.',
  storage: [{ prefix: '_fathom' }],
  idParam: { type: 'string', required: true, pattern: /^[A-Z]{5,10}$/, example: 'a site id of capitals like ABCDEFGH' },
  script: { src: 'https://cdn.usefathom.com/script.js', defer: true, data: { site: '{id}' } },
});
