import { PINTEREST_TAG_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const pinterestTag: VendorDefinition = {
  id: 'pinterest-tag',
  name: 'Pinterest Tag',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Pinterest ads and builds audiences to show visitors ads on Pinterest.',
  privacyPolicy: 'https://policy.pinterest.com/privacy-policy',
  hosts: ['s.pinimg.com', 'ct.pinterest.com', 'pinterest.com'],
  cookies: PINTEREST_TAG_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{10,16}$/, example: 'a tag id of digits like 2612345678901' },
  load(params, context) {
    const w = win();
    if (!w.pintrk) {
      const pintrk: any = (...args: unknown[]) => pintrk.queue.push(args);
      pintrk.queue = [];
      pintrk.version = '3.0';
      w.pintrk = pintrk;
      injectScript('https://s.pinimg.com/ct/core.js', context);
    }
    w.pintrk('load', str(params.id));
    w.pintrk('page');
  },
};
