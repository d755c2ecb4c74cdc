import { MATOMO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const matomo = defineVendor({
  id: 'matomo',
  name: 'Matomo',
  category: 'statistics',
  kind: 'analytics',
  purpose: "Measures site traffic and visitor behaviour on the site owner's own Matomo server.",
  privacyPolicy: 'https://matomo.org/privacy-policy/',
  hosts: ['cdn.matomo.cloud', 'matomo.cloud'],
  hostParam: 'url',
  cookies: MATOMO_COOKIES,
  idParam: { type: 'string', required: false },
  params: {
    url: { type: 'string', required: true, pattern: /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, example: 'the tracker URL like https://analytics.example.com/' },
    siteId: { type: 'string', required: true, pattern: /^\d+$/, example: 'a site id of digits like "1"' },
  },
  init: [{ push: '_paq', items: [['trackPageView'], ['enableLinkTracking'], ['setTrackerUrl', '{url|dir}matomo.php'], ['setSiteId', '{siteId}']] }],
  script: { src: '{url|dir}matomo.js' },
  // Matomo's consent API: a tracker set up with requireConsent waits for setConsentGiven; forget* deletes its cookies.
  consent: {
    granted: [{ call: '_paq.push', args: [['setConsentGiven'], ['setCookieConsentGiven']] }],
    denied: [{ call: '_paq.push', args: [['forgetConsentGiven'], ['forgetCookieConsentGiven']] }],
  },
});
