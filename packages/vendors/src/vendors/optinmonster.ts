import { OPTINMONSTER_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const optinmonster = defineVendor({
  id: 'optinmonster',
  name: 'OptinMonster',
  category: 'targeting',
  kind: 'widget',
  purpose: 'Shows sign-up and offer pop-ups, measures them and remembers which ones the visitor has seen.',
  privacyPolicy: 'https://optinmonster.com/privacy/',
  hosts: ['omappapi.com', 'a.omappapi.com', 'optinmonster.com'],
  cookies: OPTINMONSTER_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{3,8}$/, example: 'an account id of digits like 12345' },
  params: { user: { type: 'string', required: true, pattern: /^\d{3,8}$/, example: 'a user id of digits like 67890' } },
  script: { src: 'https://a.omappapi.com/app/js/api.min.js', data: { account: '{id}', user: '{user}' } },
});
