import { SHARETHIS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const sharethis = defineVendor({
  id: 'sharethis',
  name: 'ShareThis',
  category: 'targeting',
  kind: 'widget',
  purpose: 'Provides share buttons and records sharing and visits to build audiences for advertising.',
  privacyPolicy: 'https://sharethis.com/privacy/',
  hosts: ['sharethis.com', 'platform-api.sharethis.com'],
  cookies: SHARETHIS_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-f0-9]{24}$/, example: 'a property id of 24 hex digits' },
  script: { src: 'https://platform-api.sharethis.com/js/sharethis.js#property={id}&product=inline-share-buttons' },
});
