import { UMAMI_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const umami = defineVendor({
  id: 'umami',
  name: 'Umami',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Counts page views and where visitors came from without cookies; the visitor’s IP address and browser reach its server.',
  privacyPolicy: 'https://umami.is/privacy',
  hosts: ['cloud.umami.is', 'umami.is', 'api-gateway.umami.dev'],
  cookies: UMAMI_COOKIES,
  cookieless: 'Sets no cookie; the visitor\'s IP address and browser reach Umami\'s server, which derives a salted session id from them.',
  storage: [{ prefix: 'umami.' }],
  idParam: { type: 'string', required: true, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example: 'a UUID like 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  script: { src: 'https://cloud.umami.is/script.js', defer: true, data: { 'website-id': '{id}' } },
});
