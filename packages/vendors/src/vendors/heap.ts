import { HEAP_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const heap = defineVendor({
  id: 'heap',
  name: 'Heap',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records product usage events and page views to analyse how visitors use the site.',
  privacyPolicy: 'https://www.heap.io/privacy',
  hosts: ['heapanalytics.com', 'cdn.heapanalytics.com', 'heap.io', 'heap-api.com'],
  cookies: HEAP_COOKIES,
  storage: [{ prefix: '_hp2_' }],
  idParam: { type: 'string', required: true, pattern: /^\d{6,12}$/, example: 'an environment (app) id of digits like 1234567890' },
  stubs: [{ name: 'heap', array: true, methods: ['addEventProperties', 'addUserProperties', 'clearEventProperties', 'identify', 'resetIdentity', 'removeEventProperty', 'setEventProperties', 'track', 'unsetEventProperty'], props: { appid: '{id}', config: {} } }],
  script: { src: 'https://cdn.heapanalytics.com/js/heap-{id}.js' },
});
