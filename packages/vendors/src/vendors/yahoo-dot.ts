import { YAHOO_DOT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const yahooDot = defineVendor({
  id: 'yahoo-dot',
  name: 'Yahoo Advertising (Dot tag)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://legal.yahoo.com/us/en/yahoo/privacy/index.html',
  hosts: ['s.yimg.com/wi', 'sp.analytics.yahoo.com', 'ads.yahoo.com', 'advertising.com'],
  cookies: YAHOO_DOT_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{5,12}$/, example: 'a Dot pixel id of digits like 1234567' },
  init: [{ push: 'dotq', items: [{ projectId: '10000', properties: { pixelId: '{id}' } }] }],
  script: { src: 'https://s.yimg.com/wi/ytc.js' },
});
