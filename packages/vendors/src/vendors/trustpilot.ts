import { TRUSTPILOT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const trustpilot = defineVendor({
  id: 'trustpilot',
  name: 'Trustpilot',
  category: 'functional',
  kind: 'widget',
  purpose: 'Shows customer reviews and ratings from the provider on the site.',
  privacyPolicy: 'https://legal.trustpilot.com/for-reviewers/end-user-privacy-terms',
  hosts: ['widget.trustpilot.com', 'trustpilot.com', 'invitejs.trustpilot.com'],
  cookies: TRUSTPILOT_COOKIES,
  idParam: { type: 'string', required: false },
  script: { src: 'https://widget.trustpilot.com/bootstrap/v5/tp.widget.bootstrap.min.js' },
});
