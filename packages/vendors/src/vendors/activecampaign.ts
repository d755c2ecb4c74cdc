import { ACTIVECAMPAIGN_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const activecampaign = defineVendor({
  id: 'activecampaign',
  name: 'ActiveCampaign',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Links visits to the site’s mailing list to personalise marketing emails and measure campaigns.',
  privacyPolicy: 'https://www.activecampaign.com/legal/privacy-policy',
  hosts: ['trackcmp.net', 'activehosted.com', 'activecampaign.com', 'diffuser-cdn.app-us1.com', 'prism.app-us1.com'],
  cookies: ACTIVECAMPAIGN_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{6,12}$/, example: 'an account id of digits like 123456789' },
  stubs: [{ name: 'vgo', queue: 'q', props: { l: '{@now}' } }],
  init: [{ set: 'visitorGlobalObjectAlias', value: 'vgo' }, { call: 'vgo', args: ['setAccount', '{id}'] }, { call: 'vgo', args: ['setTrackByDefault', true] }, { call: 'vgo', args: ['process'] }],
  script: { src: 'https://diffuser-cdn.app-us1.com/diffuser/diffuser.js' },
});
