import { XANDR_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const xandr = defineVendor({
  id: 'xandr',
  name: 'Microsoft Invest (Xandr)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://www.microsoft.com/en-us/privacy/privacystatement',
  hosts: ['adnxs.com', 'adnxs-simple.com'],
  cookies: XANDR_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
