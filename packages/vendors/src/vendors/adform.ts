import { ADFORM_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const adform: VendorDefinition = {
  id: 'adform',
  name: 'Adform',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures the results of display ad campaigns and builds audiences for retargeting.',
  privacyPolicy: 'https://site.adform.com/privacy-center/overview/',
  hosts: ['adform.net', 'adformdsp.net', 'seadform.net'],
  cookies: ADFORM_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{4,10}$/, example: 'a tracking setup id (pm) of digits like 1234567' },
  params: { pageName: { type: 'string', example: 'a page name like "Home"' } },
  load(params, context) {
    const w = win();
    const existing = w._adftrack;
    w._adftrack = Array.isArray(existing) ? existing : existing ? [existing] : [];
    w._adftrack.push({
      HttpHost: 'track.adform.net',
      pm: Number(params.id),
      divider: encodeURIComponent('|'),
      pagename: encodeURIComponent(str(params.pageName || document.title || location.pathname)),
    });
    injectScript('https://s2.adform.net/banners/scripts/st/trackpoint-async.js', context);
  },
};
