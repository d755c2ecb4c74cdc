import { REDDIT_PIXEL_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const redditPixel: VendorDefinition = {
  id: 'reddit-pixel',
  name: 'Reddit Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of Reddit ads and builds audiences to show visitors ads on Reddit.',
  privacyPolicy: 'https://www.reddit.com/policies/privacy-policy',
  hosts: ['www.redditstatic.com/ads', 'alb.reddit.com', 'pixel-config.reddit.com'],
  cookies: REDDIT_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^(a2|t2)_[a-z0-9]{6,14}$/, example: 'a pixel id like a2_abc123def' },
  load(params, context) {
    const w = win();
    if (!w.rdt) {
      const rdt: any = (...args: unknown[]) => (rdt.sendEvent ? rdt.sendEvent(...args) : rdt.callQueue.push(args));
      rdt.callQueue = [];
      w.rdt = rdt;
      injectScript('https://www.redditstatic.com/ads/pixel.js', context);
    }
    w.rdt('init', str(params.id));
    w.rdt('track', 'PageVisit');
  },
};
