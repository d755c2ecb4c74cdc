import { CRISP_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const crisp = defineVendor({
  id: 'crisp',
  name: 'Crisp',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the live chat widget and remembers the conversation across pages.',
  privacyPolicy: 'https://crisp.chat/en/privacy/',
  hosts: ['crisp.chat', 'client.crisp.chat', 'client.relay.crisp.chat'],
  cookies: CRISP_COOKIES,
  storage: [{ prefix: 'crisp-client/' }],
  idParam: { type: 'string', required: true, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example: 'a UUID like 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  init: [{ set: '$crisp', value: [], keep: true }, { set: 'CRISP_WEBSITE_ID', value: '{id}' }],
  script: { src: 'https://client.crisp.chat/l.js' },
});
