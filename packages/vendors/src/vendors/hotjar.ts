import { HOTJAR_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const hotjar: VendorDefinition = {
  id: 'hotjar',
  name: 'Hotjar',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records how visitors click, scroll and move on pages (heatmaps, session recordings) and runs feedback surveys.',
  privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
  hosts: ['hotjar.com', 'hotjar.io', 'hotjar-analytics.com', 'contentsquare.net'],
  cookies: HOTJAR_COOKIES,
  storage: [{ prefix: '_hj' }, 'hjViewportId', 'hjActiveViewportIds'],
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'a Hotjar site id of digits like 1234567' },
  load(params, context) {
    const w = win();
    // The site pasted Hotjar's own snippet (it sets _hjSettings) and lists Hotjar for disclosure: one copy only.
    if (w._hjSettings) return;
    w.hj = w.hj || function (...args: unknown[]) {
      (w.hj.q = w.hj.q || []).push(args);
    };
    w._hjSettings = { hjid: Number(params.id), hjsv: 6 };
    injectScript(`https://static.hotjar.com/c/hotjar-${encodeURIComponent(str(params.id))}.js?sv=6`, context);
  },
};
