import { DYNAMIC_YIELD_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const dynamicYield = defineVendor({
  id: 'dynamic-yield',
  name: 'Dynamic Yield',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Shows visitors different versions of pages in experiments and measures which one works better.',
  privacyPolicy: 'https://www.dynamicyield.com/platform-privacy-policy/',
  hosts: ['dynamicyield.com', 'cdn.dynamicyield.com', 'st.dynamicyield.com', 'rcom.dynamicyield.com'],
  cookies: DYNAMIC_YIELD_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
