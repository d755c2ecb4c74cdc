import { ZENDESK_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const zendesk = defineVendor({
  id: 'zendesk',
  name: 'Zendesk',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the support chat and remembers the conversation across pages and visits.',
  privacyPolicy: 'https://www.zendesk.com/company/agreements-and-terms/privacy-notice/',
  hosts: ['zdassets.com', 'static.zdassets.com', 'zendesk.com', 'zopim.com', 'zopim.io'],
  cookies: ZENDESK_COOKIES,
  storage: [{ prefix: 'ZD-' }],
  idParam: { type: 'string', required: true, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example: 'a UUID like 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  script: { src: 'https://static.zdassets.com/ekr/snippet.js?key={id}', id: 'ze-snippet' },
});
