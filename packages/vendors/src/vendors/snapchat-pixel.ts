import { SNAPCHAT_PIXEL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const snapchatPixel = defineVendor({
  id: 'snapchat-pixel',
  name: 'Snap Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of Snapchat ads and builds audiences to show visitors ads on Snapchat.',
  privacyPolicy: 'https://values.snap.com/privacy/privacy-policy',
  hosts: ['sc-static.net', 'tr.snapchat.com', 'snapchat.com'],
  cookies: SNAPCHAT_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example: 'a pixel id (UUID) like 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  stubs: [{ name: 'snaptr', forward: 'handleRequest' }],
  init: [{ call: 'snaptr', args: ['init', '{id}', {}] }, { call: 'snaptr', args: ['track', 'PAGE_VIEW'] }],
  script: { src: 'https://sc-static.net/scevent.min.js' },
});
