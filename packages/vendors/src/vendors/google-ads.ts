import { GOOGLE_ADS_COOKIES } from '../data/cookies.js';
import { loadGtag } from '../dom.js';
import { defineVendor } from '../engine.js';

export const googleAds = defineVendor({
  id: 'google-ads',
  name: 'Google Ads',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Google ads and builds remarketing audiences to show visitors ads elsewhere.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['www.googletagmanager.com/gtag/', 'googleadservices.com', 'doubleclick.net', 'www.google.com/pagead', 'www.google.com/ccm', 'googlesyndication.com'],
  cookies: GOOGLE_ADS_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^AW-\d{6,}$/, example: 'a Google Ads tag id like AW-123456789' },
  // gtag.js: one global and one data layer shared by GA4, Ads and Floodlight, and by Consent Mode.
  hook: loadGtag,
});
