import { EQUATIV_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const equativ = defineVendor({
  id: 'equativ',
  name: 'Equativ (Smart AdServer)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://equativ.com/end-users-privacy-policy/',
  hosts: ['smartadserver.com', 'sascdn.com'],
  cookies: EQUATIV_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
