import { DOTMETRICS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const dotmetrics = defineVendor({
  id: 'dotmetrics',
  name: 'Dotmetrics (Ipsos)',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures audience reach for the industry’s shared audience statistics and ratings.',
  privacyPolicy: 'https://www.dotmetrics.net/privacy',
  hosts: ['dotmetrics.net'],
  cookies: DOTMETRICS_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
