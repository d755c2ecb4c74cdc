import { HOTJAR_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const hotjar = defineVendor({
  id: 'hotjar',
  name: 'Hotjar',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records how visitors click, scroll and move on pages (heatmaps, session recordings) and runs feedback surveys.',
  privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
  hosts: ['hotjar.com', 'hotjar.io', 'hotjar-analytics.com', 'contentsquare.net'],
  cookies: HOTJAR_COOKIES,
  storage: [{ prefix: '_hj' }, 'hjViewportId', 'hjActiveViewportIds'],
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'a Hotjar site id of digits like 1234567' },
  // The site pasted Hotjar's own snippet (it sets _hjSettings) and lists Hotjar for disclosure: one copy only.
  skip: ['_hjSettings'],
  stubs: [{ name: 'hj', queue: 'q' }],
  init: [{ set: '_hjSettings', value: { hjid: '{id|num}', hjsv: 6 } }],
  script: { src: 'https://static.hotjar.com/c/hotjar-{id}.js?sv=6' },
});
