import { MICROSOFT_CLARITY_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const microsoftClarity = defineVendor({
  id: 'microsoft-clarity',
  name: 'Microsoft Clarity',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records sessions and builds heatmaps of how visitors use pages, to find usability problems.',
  privacyPolicy: 'https://privacy.microsoft.com/privacystatement',
  hosts: ['clarity.ms'],
  cookies: MICROSOFT_CLARITY_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9]{8,12}$/, example: 'a Clarity project id like abcde12345' },
  stubs: [{ name: 'clarity', queue: 'q' }],
  script: { src: 'https://www.clarity.ms/tag/{id}' },
  // Consent API v2, which Clarity requires for EEA, UK and Swiss visitors; `consent, false` also erases its cookies.
  consent: {
    granted: [{ call: 'clarity', args: ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }] }],
    denied: [{ call: 'clarity', args: ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }] }, { call: 'clarity', args: ['consent', false] }],
  },
});
