import { YOUTUBE_COOKIES } from '../data/cookies.js';
import { injectScript } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const youtube: VendorDefinition = {
  id: 'youtube',
  name: 'YouTube',
  category: 'targeting',
  kind: 'embed',
  purpose: 'Plays embedded videos; YouTube (Google) records viewing and may use it to personalise ads.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['youtube.com', 'youtube-nocookie.com', 'youtu.be'],
  cookies: YOUTUBE_COOKIES,
  idParam: { type: 'string', required: false },
  /** Embeds are gated markup (`<iframe data-src>`); the loader adds the IFrame Player API for sites that script players. */
  load(_params, context) {
    injectScript('https://www.youtube.com/iframe_api', context);
  },
};
