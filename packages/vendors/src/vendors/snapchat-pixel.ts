import { SNAPCHAT_PIXEL_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const snapchatPixel: VendorDefinition = {
  id: 'snapchat-pixel',
  name: 'Snap Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of Snapchat ads and builds audiences to show visitors ads on Snapchat.',
  privacyPolicy: 'https://values.snap.com/privacy/privacy-policy',
  hosts: ['sc-static.net', 'tr.snapchat.com', 'snapchat.com'],
  cookies: SNAPCHAT_PIXEL_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example: 'a pixel id (UUID) like 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  load(params, context) {
    const w = win();
    if (!w.snaptr) {
      const snaptr: any = (...args: unknown[]) => (snaptr.handleRequest ? snaptr.handleRequest(...args) : snaptr.queue.push(args));
      snaptr.queue = [];
      w.snaptr = snaptr;
      injectScript('https://sc-static.net/scevent.min.js', context);
    }
    w.snaptr('init', str(params.id), {});
    w.snaptr('track', 'PAGE_VIEW');
  },
};
