import { MICROSOFT_UET_COOKIES } from '../data/cookies.js';
import { injectScript, queueAt, win } from '../dom.js';
import { defineVendor } from '../engine.js';

export const microsoftUet = defineVendor({
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
  // Code: bat.js brings a constructor (UET) the page must call with the queued commands once it loads.
  hook: (params, context) => {
    queueAt('uetq');
    injectScript('https://bat.bing.com/bat.js', context, (script) => {
      script.addEventListener('load', () => {
        const w = win();
        if (typeof w.UET !== 'function') return;
        const UET = w.UET as new (options: object) => { push: (...args: unknown[]) => void };
        const uetq = new UET({ ti: String(params.id), enableAutoSpaTracking: true, q: w.uetq });
        w.uetq = uetq;
        uetq.push('pageLoad');
      });
    });
  },
  // UET's consent mode: the same ad_storage signal as Google's.
  consent: { granted: [{ call: 'uetq.push', args: ['consent', 'update', { ad_storage: 'granted' }] }], denied: [{ call: 'uetq.push', args: ['consent', 'update', { ad_storage: 'denied' }] }] },
});
