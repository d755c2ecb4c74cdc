import { DISQUS_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const disqus = defineVendor({
  id: 'disqus',
  name: 'Disqus',
  category: 'targeting',
  kind: 'widget',
  purpose: 'Provides the comment section; Disqus recognises visitors across sites and may use it for ads.',
  privacyPolicy: 'https://help.disqus.com/en/articles/1717103-disqus-privacy-policy',
  hosts: ['disqus.com', 'disquscdn.com'],
  cookies: DISQUS_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^[a-z0-9-]{2,64}$/, example: 'the site shortname like my-blog' },
  script: { src: 'https://{id}.disqus.com/embed.js', data: { timestamp: '{@now}' } },
});
