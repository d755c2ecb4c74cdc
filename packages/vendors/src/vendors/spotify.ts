import { SPOTIFY_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const spotify = defineVendor({
  id: 'spotify',
  name: 'Spotify',
  category: 'functional',
  kind: 'embed',
  purpose: 'Plays embedded music and podcasts; Spotify records playback and the visitor’s device.',
  privacyPolicy: 'https://www.spotify.com/legal/privacy-policy/',
  hosts: ['open.spotify.com', 'embed.spotify.com', 'scdn.co'],
  cookies: SPOTIFY_COOKIES,
  idParam: { type: 'string', required: false },
});
