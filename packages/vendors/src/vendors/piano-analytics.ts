import { PIANO_ANALYTICS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const pianoAnalytics = defineVendor({
  id: 'piano-analytics',
  name: 'Piano Analytics (AT Internet)',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures site traffic and visitor behaviour to produce usage statistics.',
  privacyPolicy: 'https://piano.io/privacy-policy/',
  hosts: ['tag.aticdn.net', 'aticdn.net', 'xiti.com', 'pa-cd.com'],
  cookies: PIANO_ANALYTICS_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
