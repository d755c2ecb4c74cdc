import { MATOMO_COOKIES } from '../data/cookies.js';
import { injectScript, queue, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

/** The tracker base URL with one trailing slash. */
function base(url: unknown): string {
  return str(url).replace(/\/*$/, '/');
}

export const matomo: VendorDefinition = {
  id: 'matomo',
  name: 'Matomo',
  category: 'statistics',
  kind: 'analytics',
  purpose: "Measures site traffic and visitor behaviour on the site owner's own Matomo server.",
  privacyPolicy: 'https://matomo.org/privacy-policy/',
  hosts: ['cdn.matomo.cloud', 'matomo.cloud'],
  hostParam: { name: 'url' },
  hostsFrom: (params) => {
    try {
      return [new URL(base(params.url)).hostname];
    } catch {
      return [];
    }
  },
  cookies: MATOMO_COOKIES,
  idParam: { type: 'string', required: false },
  params: {
    url: { type: 'string', required: true, pattern: /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, example: 'the tracker URL like https://analytics.example.com/' },
    siteId: { type: 'string', required: true, pattern: /^\d+$/, example: 'a site id of digits like "1"' },
  },
  consent(granted) {
    // Matomo's consent API: a tracker set up with requireConsent waits for setConsentGiven; forget* deletes its cookies.
    const paq = win()._paq;
    if (!paq || typeof paq.push !== 'function') return;
    if (granted) paq.push(['setConsentGiven'], ['setCookieConsentGiven']);
    else paq.push(['forgetConsentGiven'], ['forgetCookieConsentGiven']);
  },
  load(params, context) {
    const url = base(params.url);
    const paq = queue('_paq');
    paq.push(['trackPageView'], ['enableLinkTracking'], ['setTrackerUrl', `${url}matomo.php`], ['setSiteId', str(params.siteId)]);
    injectScript(`${url}matomo.js`, context);
  },
};
