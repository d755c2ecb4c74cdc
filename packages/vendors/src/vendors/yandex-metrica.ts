import { YANDEX_METRICA_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const yandexMetrica = defineVendor({
  id: 'yandex-metrica',
  name: 'Yandex Metrica',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Measures site traffic and visitor behaviour, including click maps and session replay.',
  privacyPolicy: 'https://yandex.com/legal/confidential/',
  hosts: ['mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org', 'yandex.ru/metrika'],
  cookies: YANDEX_METRICA_COOKIES,
  storage: [{ prefix: '_ym' }],
  idParam: { type: 'string', required: true, pattern: /^\d{5,10}$/, example: 'a counter id of digits like 12345678' },
  stubs: [{ name: 'ym', queue: 'a', props: { l: '{@now}' } }],
  init: [{ call: 'ym', args: ['{id|num}', 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true }] }],
  script: { src: 'https://mc.yandex.ru/metrika/tag.js' },
});
