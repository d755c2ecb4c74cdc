import { COMSCORE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const comscore = defineVendor({
  id: 'comscore',
  name: 'Comscore',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures audience reach for the industry’s shared audience statistics and ratings.',
  privacyPolicy: 'https://www.scorecardresearch.com/privacy.aspx',
  hosts: ['scorecardresearch.com', 'sb.scorecardresearch.com', 'comscore.com'],
  cookies: COMSCORE_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{6,9}$/, example: 'a client (c2) id of digits like 1234567' },
  init: [{ push: '_comscore', items: [{ c1: '2', c2: '{id}' }] }],
  script: { src: 'https://sb.scorecardresearch.com/cs/{id}/beacon.js' },
});
