import { META_PIXEL_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const metaPixel: VendorDefinition = {
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
  consent(granted) {
    const fbq = win().fbq;
    if (typeof fbq === 'function') fbq('consent', granted ? 'grant' : 'revoke');
  },
  load(params, context) {
    const w = win();
    if (!w.fbq) {
      // Meta's base code: a queueing fbq until fbevents.js takes over.
      const fbq: any = function (...args: unknown[]) {
        if (fbq.callMethod) fbq.callMethod(...args);
        else fbq.queue.push(args);
      };
      if (!w._fbq) w._fbq = fbq;
      fbq.push = fbq;
      fbq.loaded = true;
      fbq.version = '2.0';
      fbq.queue = [];
      w.fbq = fbq;
      injectScript('https://connect.facebook.net/en_US/fbevents.js', context);
    }
    w.fbq('init', str(params.id));
    w.fbq('track', 'PageView');
  },
};
