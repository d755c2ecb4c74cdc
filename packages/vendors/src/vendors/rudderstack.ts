import { RUDDERSTACK_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const rudderstack = defineVendor({
  id: 'rudderstack',
  name: 'RudderStack',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Collects visitor events and forwards them to the analytics and marketing tools the site has connected.',
  privacyPolicy: 'https://www.rudderstack.com/privacy-policy/',
  hosts: ['rudderlabs.com', 'cdn.rudderlabs.com', 'rudderstack.com', 'dataplane.rudderstack.com'],
  cookies: RUDDERSTACK_COOKIES,
  storage: [{ prefix: 'rudder' }],
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
