import { GOOGLE_FLOODLIGHT_COOKIES } from '../data/cookies.js';
import { loadGtag } from '../dom.js';
import { defineVendor } from '../engine.js';

export const googleFloodlight = defineVendor({
  id: 'google-floodlight',
  name: 'Google Floodlight (Campaign Manager 360)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Google Marketing Platform campaigns (Campaign Manager 360, Display & Video 360) and builds audiences.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['www.googletagmanager.com/gtag/', 'fls.doubleclick.net', 'ad.doubleclick.net', 'doubleclick.net'],
  cookies: GOOGLE_FLOODLIGHT_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^DC-\d{6,10}$/, example: 'a Floodlight advertiser id like DC-1234567' },
  // gtag.js: one global and one data layer shared by GA4, Ads and Floodlight, and by Consent Mode.
  hook: loadGtag,
});
