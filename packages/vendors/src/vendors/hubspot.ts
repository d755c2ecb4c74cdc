import { HUBSPOT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const hubspot = defineVendor({
  id: 'hubspot',
  name: 'HubSpot',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Tracks visits and form submissions to attribute leads and personalise marketing emails and ads.',
  privacyPolicy: 'https://legal.hubspot.com/privacy-policy',
  hosts: ['hs-scripts.com', 'hs-analytics.net', 'hs-banner.com', 'hscollectedforms.net', 'hsadspixel.net', 'hsforms.com', 'hubspot.com', 'hubspot.net', 'usemessages.com'],
  cookies: HUBSPOT_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'a HubSpot portal id of digits like 1234567' },
  params: { region: { type: 'string', pattern: /^(na1|eu1|na2|ap1)$/, example: '"eu1" for portals hosted in the EU' } },
  defaults: { region: 'na1' },
  script: { src: 'https://js-{region}.hs-scripts.com/{id}.js', id: 'hs-script-loader', defer: true },
  // HubSpot's tracking code API: doNotTrack stops it and removes its cookies; track: true lets it resume.
  consent: { granted: [{ call: '_hsq.push', args: [['doNotTrack', { track: true }]] }], denied: [{ call: '_hsq.push', args: [['doNotTrack']] }] },
});
