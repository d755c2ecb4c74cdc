import { MATOMO_COOKIELESS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

// Statistics, not necessary: see docs/vendors.md "Cookieless analytics" (no cookie, but the IP address
// still reaches the tracker, and whether an exemption applies is for the site to decide, not the SDK).
export const matomoCookieless = defineVendor({
  id: 'matomo-cookieless',
  name: 'Matomo (cookieless)',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures site traffic on the site owner’s own Matomo server without cookies; the visitor’s IP address and browser reach that server.',
  privacyPolicy: 'https://matomo.org/privacy-policy/',
  hosts: ['cdn.matomo.cloud', 'matomo.cloud'],
  cookies: MATOMO_COOKIELESS_COOKIES,
  cookieless: 'Matomo with disableCookies sets no cookie; the visitor\'s IP address and browser still reach the tracker, which builds a visit from them.',
  idParam: { type: 'string', required: false },
  params: {
    url: { type: 'string', required: true, pattern: /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, example: 'the tracker URL like https://analytics.example.com/' },
    siteId: { type: 'string', required: true, pattern: /^\d+$/, example: 'a site id of digits like "1"' },
  },
  hostParam: 'url',
  init: [{ push: '_paq', items: [['disableCookies'], ['trackPageView'], ['enableLinkTracking'], ['setTrackerUrl', '{url|dir}matomo.php'], ['setSiteId', '{siteId}']] }],
  script: { src: '{url|dir}matomo.js' },
});
