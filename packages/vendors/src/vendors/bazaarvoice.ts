import { BAZAARVOICE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const bazaarvoice = defineVendor({
  id: 'bazaarvoice',
  name: 'Bazaarvoice',
  category: 'functional',
  kind: 'widget',
  purpose: 'Shows customer reviews and ratings from the provider on the site.',
  privacyPolicy: 'https://www.bazaarvoice.com/legal/privacy-policy/',
  hosts: ['bazaarvoice.com', 'apps.bazaarvoice.com', 'network.bazaarvoice.com'],
  cookies: BAZAARVOICE_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
