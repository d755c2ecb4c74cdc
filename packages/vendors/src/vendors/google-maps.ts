import { GOOGLE_MAPS_COOKIES } from '../data/cookies.js';
import { injectScript, str } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const googleMaps: VendorDefinition = {
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
  /** Embeds (`<iframe data-src="https://www.google.com/maps/embed?…">`) need no key; the Maps JavaScript API does. */
  load(params, context) {
    if (!params.id) return;
    const callback = params.callback ? `&callback=${encodeURIComponent(str(params.callback))}` : '';
    injectScript(`https://maps.googleapis.com/maps/api/js?key=${encodeURIComponent(str(params.id))}&loading=async${callback}`, context);
  },
};
