import { CONTENTSQUARE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const contentsquare = defineVendor({
  id: 'contentsquare',
  name: 'Contentsquare',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records sessions, clicks and scrolling and builds heatmaps to show how visitors use pages.',
  privacyPolicy: 'https://contentsquare.com/privacy-center/',
  hosts: ['contentsquare.net', 't.contentsquare.net', 'contentsquare.com', 'clicktale.net'],
  cookies: CONTENTSQUARE_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{13}$/, example: 'a tag id of 13 hex digits like 0a1b2c3d4e5f6' },
  script: { src: 'https://t.contentsquare.net/uxa/{id}.js' },
});
