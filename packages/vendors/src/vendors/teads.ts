import { TEADS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const teads = defineVendor({
  id: 'teads',
  name: 'Teads',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://www.teads.com/privacy-policy/',
  hosts: ['teads.tv', 'teads.com'],
  cookies: TEADS_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
