import { TYPEFORM_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const typeform = defineVendor({
  id: 'typeform',
  name: 'Typeform',
  category: 'functional',
  kind: 'widget',
  purpose: 'Shows embedded forms and surveys and stores the answers the visitor gives.',
  privacyPolicy: 'https://admin.typeform.com/to/dwk6gt',
  hosts: ['typeform.com', 'embed.typeform.com', 'form.typeform.com'],
  cookies: TYPEFORM_COOKIES,
  idParam: { type: 'string', required: false },
  script: { src: 'https://embed.typeform.com/next/embed.js' },
});
