import { ADOBE_AUDIENCE_MANAGER_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const adobeAudienceManager = defineVendor({
  id: 'adobe-audience-manager',
  name: 'Adobe Audience Manager',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Builds audience profiles from visits to this and other sites, used to target ads.',
  privacyPolicy: 'https://www.adobe.com/privacy/policy.html',
  hosts: ['demdex.net', 'dpm.demdex.net'],
  cookies: ADOBE_AUDIENCE_MANAGER_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
