import { X_PIXEL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const xPixel = defineVendor({
  id: 'x-pixel',
  name: 'X (Twitter) Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of ads on X and builds audiences to show visitors ads on X.',
  privacyPolicy: 'https://x.com/en/privacy',
  hosts: ['static.ads-twitter.com', 'analytics.twitter.com', 't.co', 'ads-api.twitter.com', 'ads-twitter.com'],
  cookies: X_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9]{5,6}$/, example: 'a pixel id like o1a2b' },
  stubs: [{ name: 'twq', forward: 'exe', props: { version: '1.1' } }],
  init: [{ call: 'twq', args: ['config', '{id}'] }],
  script: { src: 'https://static.ads-twitter.com/uwt.js' },
});
