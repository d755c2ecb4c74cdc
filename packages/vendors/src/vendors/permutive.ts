import { PERMUTIVE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const permutive = defineVendor({
  id: 'permutive',
  name: 'Permutive',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Builds audience profiles from visits to this and other sites, used to target ads.',
  privacyPolicy: 'https://permutive.com/privacy/',
  hosts: ['permutive.com', 'permutive.app', 'cdn.permutive.com'],
  cookies: PERMUTIVE_COOKIES,
  storage: [{ prefix: 'permutive' }],
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
