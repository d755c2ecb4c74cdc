import { ADSCALE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const adscale = defineVendor({
  id: 'adscale',
  name: 'Ströer SSP (adscale)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://www.stroeer.de/datenschutz',
  hosts: ['adscale.de'],
  cookies: ADSCALE_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
