import { CODEPEN_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const codepen = defineVendor({
  id: 'codepen',
  name: 'CodePen',
  category: 'functional',
  kind: 'embed',
  purpose: 'Shows embedded live code examples; CodePen records views.',
  privacyPolicy: 'https://blog.codepen.io/documentation/privacy/',
  hosts: ['codepen.io', 'cpwebassets.codepen.io'],
  cookies: CODEPEN_COOKIES,
  idParam: { type: 'string', required: false },
});
