import { YANDEX_METRICA_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

export const yandexMetrica: VendorDefinition = {
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
  load(params, context) {
    const w = win();
    if (!w.ym) {
      const ym: any = (...args: unknown[]) => (ym.a = ym.a || []).push(args);
      ym.l = Date.now();
      w.ym = ym;
      injectScript('https://mc.yandex.ru/metrika/tag.js', context);
    }
    w.ym(Number(params.id), 'init', { clickmap: true, trackLinks: true, accurateTrackBounce: true });
  },
};
