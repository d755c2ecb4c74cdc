import type { ConsentConfig } from '@consentry/core';

/** The same JSON a script-tag site would put in #consentry-config; shared by server and client. */
export const consentConfig: ConsentConfig = {
  revision: 1,
  language: 'auto',
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: {
    // A site's own vendor outside the catalog declares its category.
    youtube: { category: 'targeting' },
  },
  links: { privacyPolicy: '/privacy', cookiePolicy: '/cookies' },
};
