import { REDDIT_PIXEL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const redditPixel = defineVendor({
  id: 'reddit-pixel',
  name: 'Reddit Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of Reddit ads and builds audiences to show visitors ads on Reddit.',
  privacyPolicy: 'https://www.reddit.com/policies/privacy-policy',
  hosts: ['www.redditstatic.com/ads', 'alb.reddit.com', 'pixel-config.reddit.com'],
  cookies: REDDIT_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^(a2|t2)_[a-z0-9]{6,14}$/, example: 'a pixel id like a2_abc123def' },
  stubs: [{ name: 'rdt', queue: 'callQueue', forward: 'sendEvent' }],
  init: [{ call: 'rdt', args: ['init', '{id}'] }, { call: 'rdt', args: ['track', 'PageVisit'] }],
  script: { src: 'https://www.redditstatic.com/ads/pixel.js' },
});
