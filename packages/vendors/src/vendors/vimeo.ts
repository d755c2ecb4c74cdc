import { VIMEO_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const vimeo = defineVendor({
  id: 'vimeo',
  name: 'Vimeo',
  category: 'functional',
  kind: 'embed',
  purpose: 'Plays embedded videos; Vimeo records playback statistics.',
  privacyPolicy: 'https://vimeo.com/privacy',
  hosts: ['player.vimeo.com', 'vimeo.com'],
  cookies: VIMEO_COOKIES,
  idParam: { type: 'string', required: false },
  /** Embeds are gated markup; the loader adds Vimeo's Player SDK for sites that script players. */
  script: { src: 'https://player.vimeo.com/api/player.js' },
});
