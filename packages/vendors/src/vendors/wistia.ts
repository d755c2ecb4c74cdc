import { WISTIA_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const wistia = defineVendor({
  id: 'wistia',
  name: 'Wistia',
  category: 'functional',
  kind: 'embed',
  purpose: 'Plays embedded videos; the provider records playback and details of the visitor’s device.',
  privacyPolicy: 'https://wistia.com/privacy',
  hosts: ['fast.wistia.com', 'fast.wistia.net', 'wistia.com', 'wistia.net'],
  cookies: WISTIA_COOKIES,
  idParam: { type: 'string', required: false },
});
