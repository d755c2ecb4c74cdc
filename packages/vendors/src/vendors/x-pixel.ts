import { X_PIXEL_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const xPixel: VendorDefinition = {
  id: 'x-pixel',
  name: 'X (Twitter) Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of ads on X and builds audiences to show visitors ads on X.',
  privacyPolicy: 'https://x.com/en/privacy',
  hosts: ['static.ads-twitter.com', 'analytics.twitter.com', 't.co', 'ads-api.twitter.com', 'ads-twitter.com'],
  cookies: X_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9]{5,6}$/, example: 'a pixel id like o1a2b' },
  load(params, context) {
    const w = win();
    if (!w.twq) {
      const twq: any = (...args: unknown[]) => (twq.exe ? twq.exe(...args) : twq.queue.push(args));
      twq.version = '1.1';
      twq.queue = [];
      w.twq = twq;
      injectScript('https://static.ads-twitter.com/uwt.js', context);
    }
    w.twq('config', str(params.id));
  },
};
