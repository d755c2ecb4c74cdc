import { LUCKY_ORANGE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const luckyOrange = defineVendor({
  id: 'lucky-orange',
  name: 'Lucky Orange',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records sessions, clicks and scrolling and builds heatmaps to show how visitors use pages.',
  privacyPolicy: 'https://www.luckyorange.com/privacy',
  hosts: ['luckyorange.com', 'luckyorange.net', 'tools.luckyorange.com'],
  cookies: LUCKY_ORANGE_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{8}$/, example: 'a site id of 8 hex digits like 1a2b3c4d' },
  script: { src: 'https://tools.luckyorange.com/core/lo.js?site-id={id}', defer: true },
});
