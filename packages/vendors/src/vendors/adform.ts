import { ADFORM_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const adform = defineVendor({
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
  defaults: { pageName: '' },
  init: [{ push: '_adftrack', items: [{ HttpHost: 'track.adform.net', pm: '{id|num}', divider: '%7C', pagename: '{pageName,@title,@path|enc}' }] }],
  script: { src: 'https://s2.adform.net/banners/scripts/st/trackpoint-async.js' },
});
