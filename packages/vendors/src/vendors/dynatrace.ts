import { DYNATRACE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const dynatrace = defineVendor({
  id: 'dynatrace',
  name: 'Dynatrace RUM',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures page speed and errors in the visitor’s browser to monitor how the site performs.',
  privacyPolicy: 'https://www.dynatrace.com/company/trust-center/privacy/',
  hosts: ['dynatrace.com', 'live.dynatrace.com', 'js-cdn.dynatrace.com'],
  cookies: DYNATRACE_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
