import { TIKTOK_PIXEL_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

const METHODS = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready', 'alias', 'group', 'enableCookie', 'disableCookie', 'holdConsent', 'revokeConsent', 'grantConsent'];

export const tiktokPixel: VendorDefinition = {
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
  consent(granted) {
    const ttq = win().ttq;
    if (!ttq) return;
    if (granted) ttq.grantConsent?.();
    else ttq.revokeConsent?.();
  },
  load(params, context) {
    const id = str(params.id);
    const w = win();
    w.TiktokAnalyticsObject = 'ttq';
    const ttq: any = (w.ttq = w.ttq || []);
    ttq.methods = METHODS;
    for (const method of METHODS) {
      ttq[method] = (...args: unknown[]) => ttq.push([method, ...args]);
    }
    const base = 'https://analytics.tiktok.com/i18n/pixel/events.js';
    ttq._i = ttq._i || {};
    ttq._i[id] = [];
    ttq._i[id]._u = base;
    ttq._t = ttq._t || {};
    ttq._t[id] = Date.now();
    ttq._o = ttq._o || {};
    ttq._o[id] = {};
    injectScript(`${base}?sdkid=${encodeURIComponent(id)}&lib=ttq`, context);
    ttq.page();
  },
};
