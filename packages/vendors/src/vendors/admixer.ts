import { ADMIXER_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const admixer = defineVendor({
  id: 'admixer',
  name: 'Admixer',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://admixer.com/privacy/',
  hosts: ['admixer.net', 'admixer.com'],
  cookies: ADMIXER_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
