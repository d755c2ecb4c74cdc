import { OUTBRAIN_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const outbrain = defineVendor({
  id: 'outbrain',
  name: 'Outbrain',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Measures conversions from Outbrain recommendations and ads and builds audiences for them.',
  privacyPolicy: 'https://www.outbrain.com/privacy/',
  hosts: ['amplify.outbrain.com', 'tr.outbrain.com', 'outbrain.com'],
  cookies: OUTBRAIN_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{30,40}$/, example: 'a marketer id of hex digits like 00a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' },
  stubs: [{ name: 'obApi', forward: 'dispatch', props: { version: '1.1', loaded: true, marketerId: '{id}' } }],
  init: [{ call: 'obApi', args: ['track', 'PAGE_VIEW'] }],
  script: { src: 'https://amplify.outbrain.com/cp/obtp.js' },
});
