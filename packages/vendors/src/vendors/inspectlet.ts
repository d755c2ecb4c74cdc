import { INSPECTLET_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const inspectlet = defineVendor({
  id: 'inspectlet',
  name: 'Inspectlet',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records sessions, clicks and scrolling and builds heatmaps to show how visitors use pages.',
  privacyPolicy: 'https://www.inspectlet.com/legal',
  hosts: ['inspectlet.com', 'cdn.inspectlet.com'],
  cookies: INSPECTLET_COOKIES,
  idParam: { type: 'string', required: true, pattern: /^\d{6,12}$/, example: 'a site id (wid) of digits like 1234567890' },
  init: [{ push: '__insp', items: [['wid', '{id|num}']] }],
  script: { src: 'https://cdn.inspectlet.com/inspectlet.js?wid={id}' },
});
