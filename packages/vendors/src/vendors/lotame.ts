import { LOTAME_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const lotame = defineVendor({
  id: 'lotame',
  name: 'Lotame',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Builds audience profiles from visits to this and other sites, used to target ads.',
  privacyPolicy: 'https://www.lotame.com/privacy/',
  hosts: ['crwdcntrl.net', 'tags.crwdcntrl.net'],
  cookies: LOTAME_COOKIES,
  storage: ['panoramaId', 'panoramaId_expiry'],
  idParam: { type: 'string', required: true, pattern: /^\d{3,6}$/, example: 'a Lotame client id of digits like 12345' },
  script: { src: 'https://tags.crwdcntrl.net/lt/c/{id}/lt.min.js' },
});
