import { SNAPENGAGE_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const snapengage = defineVendor({
  id: 'snapengage',
  name: 'SnapEngage',
  category: 'functional',
  kind: 'chat',
  purpose: 'Provides the live chat widget and remembers the conversation across pages.',
  privacyPolicy: 'https://snapengage.com/privacy-policy/',
  hosts: ['snapengage.com', 'storage.googleapis.com/code.snapengage.com'],
  cookies: SNAPENGAGE_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, example: 'a UUID like 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  script: { src: 'https://storage.googleapis.com/code.snapengage.com/js/{id}.js' },
});
