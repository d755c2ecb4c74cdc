import { MICROSOFT_UET_COOKIES } from '../data/cookies.js';
import { injectScript, queue, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const microsoftUet: VendorDefinition = {
  id: 'microsoft-uet',
  name: 'Microsoft Advertising (UET)',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Microsoft (Bing) ads and builds remarketing audiences.',
  privacyPolicy: 'https://privacy.microsoft.com/privacystatement',
  hosts: ['bat.bing.com', 'bat.bing.net', 'bing.com'],
  cookies: MICROSOFT_UET_COOKIES,
  storage: ['_uetsid', '_uetvid', '_uetsid_exp', '_uetvid_exp'],
  idParam: { type: 'string', required: true, pattern: /^\d{6,10}$/, example: 'a UET tag id of digits like 12345678' },
  consent(granted) {
    // UET's consent mode: the same ad_storage signal as Google's.
    const uetq = win().uetq;
    if (uetq && typeof uetq.push === 'function') uetq.push('consent', 'update', { ad_storage: granted ? 'granted' : 'denied' });
  },
  load(params, context) {
    queue('uetq');
    injectScript('https://bat.bing.com/bat.js', context, (script) => {
      script.addEventListener('load', () => {
        const w = win();
        if (typeof w.UET !== 'function') return;
        const options = { ti: str(params.id), enableAutoSpaTracking: true, q: w.uetq };
        w.uetq = new w.UET(options);
        w.uetq.push('pageLoad');
      });
    });
  },
};
