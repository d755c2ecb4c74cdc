import { TIKTOK_PIXEL_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

const TIKTOK_METHODS = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready', 'alias', 'group', 'enableCookie', 'disableCookie', 'holdConsent', 'revokeConsent', 'grantConsent'];

export const tiktokPixel = defineVendor({
  id: 'tiktok-pixel',
  name: 'TikTok Pixel',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of TikTok ads and builds audiences to show visitors ads on TikTok.',
  privacyPolicy: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
  hosts: ['analytics.tiktok.com', 'tiktok.com', 'tiktokw.us'],
  cookies: TIKTOK_PIXEL_COOKIES,
  storage: ['tt_appInfo', 'tt_sessionId', 'tt_pixel_session_index'],
  idParam: { type: 'string', required: true, pattern: /^[A-Z0-9]{20}$/, example: 'a pixel id of 20 capitals and digits like C4A1B2C3D4E5F6G7H8I9' },
  stubs: [{ name: 'ttq', array: true, methods: TIKTOK_METHODS, props: { methods: TIKTOK_METHODS } }],
  init: [
    { set: 'TiktokAnalyticsObject', value: 'ttq' },
    { set: 'ttq._i.{id}', value: [] },
    { set: 'ttq._i.{id}._u', value: 'https://analytics.tiktok.com/i18n/pixel/events.js' },
    { set: 'ttq._t.{id}', value: '{@now}' },
    { set: 'ttq._o.{id}', value: {} },
    { call: 'ttq.page' },
  ],
  script: { src: 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid={id}&lib=ttq' },
  consent: { granted: [{ call: 'ttq.grantConsent' }], denied: [{ call: 'ttq.revokeConsent' }] },
});
