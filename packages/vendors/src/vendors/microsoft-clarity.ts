import { MICROSOFT_CLARITY_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const microsoftClarity: VendorDefinition = {
  id: 'microsoft-clarity',
  name: 'Microsoft Clarity',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records sessions and builds heatmaps of how visitors use pages, to find usability problems.',
  privacyPolicy: 'https://privacy.microsoft.com/privacystatement',
  hosts: ['clarity.ms'],
  cookies: MICROSOFT_CLARITY_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9]{8,12}$/, example: 'a Clarity project id like abcde12345' },
  consent(granted) {
    // Consent API v2, which Clarity requires for EEA, UK and Swiss visitors.
    const clarity = win().clarity;
    if (typeof clarity !== 'function') return;
    const value = granted ? 'granted' : 'denied';
    clarity('consentv2', { ad_Storage: value, analytics_Storage: value });
    if (!granted) clarity('consent', false); // also erases Clarity's cookies
  },
  load(params, context) {
    const w = win();
    w.clarity = w.clarity || function (...args: unknown[]) {
      (w.clarity.q = w.clarity.q || []).push(args);
    };
    injectScript(`https://www.clarity.ms/tag/${encodeURIComponent(str(params.id))}`, context);
  },
};
