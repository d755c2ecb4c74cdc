import { QUALTRICS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const qualtrics = defineVendor({
  id: 'qualtrics',
  name: 'Qualtrics Site Intercept',
  category: 'statistics',
  kind: 'widget',
  purpose: 'Shows feedback surveys and remembers whether the visitor has already answered or closed them.',
  privacyPolicy: 'https://www.qualtrics.com/privacy-statement/',
  hosts: ['qualtrics.com', 'siteintercept.qualtrics.com'],
  cookies: QUALTRICS_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
