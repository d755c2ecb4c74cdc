import { VIMEO_COOKIES } from '../data/cookies.js';
import { injectScript } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const vimeo: VendorDefinition = {
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
  load(_params, context) {
    injectScript('https://player.vimeo.com/api/player.js', context);
  },
};
