import { GOOGLE_ANALYTICS_COOKIES } from '../data/cookies.js';
import { loadGtag } from '../dom.js';
import { defineVendor } from '../engine.js';

export const googleAnalytics = defineVendor({
  id: 'google-analytics',
  name: 'Google Analytics',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures how visitors use the site (pages viewed, time spent, where they came from) to produce usage statistics.',
  privacyPolicy: 'https://policies.google.com/privacy',
  // `*/g/collect?tid`: a first-party proxy of the GA4 endpoint (server-side tagging), for the request guards.
  hosts: ['www.googletagmanager.com/gtag/', 'google-analytics.com', 'analytics.google.com', '*/g/collect?tid'],
  // GA4 (gtag.js, what `load` injects) never sets the legacy urchin/ga.js `__utm*` cookies the
  // database lists for Google Analytics: disclose what the configured product sets.
  cookies: GOOGLE_ANALYTICS_COOKIES.filter((c) => !c.name.startsWith('__utm')),
  idParam: { type: 'string', required: true, pattern: /^G-[A-Z0-9]{4,}$/, example: 'a GA4 measurement id like G-XXXXXXX' },
  // gtag.js: one global and one data layer shared by GA4, Ads and Floodlight, and by Consent Mode.
  hook: loadGtag,
});
