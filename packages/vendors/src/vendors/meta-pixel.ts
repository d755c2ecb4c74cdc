import { META_PIXEL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const metaPixel = defineVendor({
  id: 'meta-pixel',
  name: 'Meta Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of Facebook and Instagram ads and builds audiences to show visitors ads on Meta platforms.',
  privacyPolicy: 'https://www.facebook.com/privacy/policy/',
  // `*/tr?ev`: a first-party proxy of the pixel endpoint, for the request guards.
  hosts: ['connect.facebook.net', 'facebook.com', 'facebook.net', '*/tr?ev'],
  cookies: META_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{6,20}$/, example: 'a pixel id of digits like 1234567890123456' },
  // Meta's base code: a queueing fbq until fbevents.js takes over (fbq.callMethod).
  stubs: [{ name: 'fbq', forward: 'callMethod', selfPush: true, alias: '_fbq', props: { loaded: true, version: '2.0' } }],
  init: [{ call: 'fbq', args: ['init', '{id}'] }, { call: 'fbq', args: ['track', 'PageView'] }],
  script: { src: 'https://connect.facebook.net/en_US/fbevents.js' },
  consent: { granted: [{ call: 'fbq', args: ['consent', 'grant'] }], denied: [{ call: 'fbq', args: ['consent', 'revoke'] }] },
});
