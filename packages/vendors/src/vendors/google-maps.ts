import { GOOGLE_MAPS_COOKIES } from '../data/cookies.js';
import { injectScript } from '../dom.js';
import { defineVendor } from '../engine.js';

export const googleMaps = defineVendor({
  id: 'google-maps',
  name: 'Google Maps',
  category: 'functional',
  kind: 'embed',
  purpose: 'Shows interactive maps; Google receives the visitor’s IP address and map interactions.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['maps.googleapis.com', 'maps.google.com', 'www.google.com/maps', 'maps.gstatic.com'],
  cookies: GOOGLE_MAPS_COOKIES,
  idParam: { type: 'string', required: false, pattern: /^AIza[0-9A-Za-z_-]{35}$/, example: 'a Maps JavaScript API key like AIza…' },
  params: { callback: { type: 'string', pattern: /^[A-Za-z_$][\w$.]*$/, example: 'the name of a global function, like initMap' } },
  /** Code: the script only with a key. Embeds (`<iframe data-src="https://www.google.com/maps/embed?…">`) need no key; the Maps JavaScript API does. */
  hook: (params, context) => {
    if (!params.id) return;
    const callback = params.callback ? `&callback=${encodeURIComponent(String(params.callback))}` : '';
    injectScript(`https://maps.googleapis.com/maps/api/js?key=${encodeURIComponent(String(params.id))}&loading=async${callback}`, context);
  },
});
