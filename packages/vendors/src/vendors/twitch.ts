import { TWITCH_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const twitch = defineVendor({
  id: 'twitch',
  name: 'Twitch',
  category: 'functional',
  kind: 'embed',
  purpose: 'Plays embedded videos; the provider records playback and details of the visitor’s device.',
  privacyPolicy: 'https://www.twitch.tv/p/legal/privacy-notice/',
  hosts: ['player.twitch.tv', 'embed.twitch.tv', 'clips.twitch.tv'],
  cookies: TWITCH_COOKIES,
  idParam: { type: 'string', required: false },
});
