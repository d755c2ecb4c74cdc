import { ADOBE_ANALYTICS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const adobeAnalytics = defineVendor({
  id: 'adobe-analytics',
  name: 'Adobe Analytics',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures site traffic and visitor behaviour to produce usage statistics.',
  privacyPolicy: 'https://www.adobe.com/privacy/policy.html',
  hosts: ['assets.adobedtm.com', 'omtrdc.net', '2o7.net', 'adobedc.net'],
  cookies: ADOBE_ANALYTICS_COOKIES,
  idParam: { type: 'string', required: false },
  params: { url: { type: 'string', required: true, pattern: /^https:\/\/assets\.adobedtm\.com\/[\w/.-]+\.min\.js$/, example: 'the Adobe tags (Launch) embed URL like https://assets.adobedtm.com/…/launch-….min.js' } },
  // The site's Adobe tags (Launch) property, which brings AppMeasurement and its rules.
  script: { src: '{url|raw}' },
});
