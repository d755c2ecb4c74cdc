import { HUBSPOT_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const hubspot: VendorDefinition = {
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
  consent(granted) {
    // HubSpot's tracking code API: doNotTrack stops it and removes its cookies; track: true lets it resume.
    const hsq = win()._hsq;
    if (!hsq || typeof hsq.push !== 'function') return;
    hsq.push(granted ? ['doNotTrack', { track: true }] : ['doNotTrack']);
  },
  load(params, context) {
    const region = str(params.region);
    const host = region && region !== 'na1' ? `js-${region}.hs-scripts.com` : 'js.hs-scripts.com';
    injectScript(`https://${host}/${encodeURIComponent(str(params.id))}.js`, context, (s) => {
      s.id = 'hs-script-loader';
      s.defer = true;
    });
  },
};
