import { POSTHOG_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

const METHODS = ['capture', 'identify', 'alias', 'reset', 'register', 'register_once', 'unregister', 'group', 'opt_in_capturing', 'opt_out_capturing', 'startSessionRecording', 'stopSessionRecording', 'onFeatureFlags', 'isFeatureEnabled', 'getFeatureFlag', 'reloadFeatureFlags'];
const DEFAULT_HOST = 'https://eu.i.posthog.com';

function hostOf(params: Readonly<Record<string, unknown>>): string {
  return str(params.host || DEFAULT_HOST).replace(/\/+$/, '');
}

export const posthog: VendorDefinition = {
  id: 'posthog',
  name: 'PostHog',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Records product usage events and, if enabled, session recordings to analyse how visitors use the site.',
  privacyPolicy: 'https://posthog.com/privacy',
  hosts: ['posthog.com'],
  hostParam: { name: 'host', default: DEFAULT_HOST },
  hostsFrom: (params) => {
    try {
      return [new URL(hostOf(params)).hostname];
    } catch {
      return [];
    }
  },
  cookies: POSTHOG_COOKIES,
  storage: [{ prefix: 'ph_' }, { prefix: '__ph_opt_in_out_' }],
  idParam: { type: 'string', required: true, pattern: /^phc_[A-Za-z0-9]{20,64}$/, example: 'a project API key like phc_…' },
  params: { host: { type: 'string', pattern: /^https:\/\/[^\s/?#]+\/?$/, example: 'the API host like https://eu.i.posthog.com' } },
  consent(granted) {
    const ph = win().posthog;
    if (!ph?.__loaded) return;
    if (!granted) ph.opt_out_capturing?.();
    else if (ph.has_opted_out_capturing?.()) ph.opt_in_capturing?.();
  },
  load(params, context) {
    const w = win();
    // Loaded already, or the site pasted PostHog's own snippet (its stub sets __SV): one copy only.
    if (w.posthog && (w.posthog.__loaded || w.posthog.__SV)) return;
    const api = hostOf(params);
    const ph: any = (w.posthog = w.posthog || []);
    ph.__SV = 1;
    ph._i = ph._i || [];
    for (const method of METHODS) ph[method] = (...args: unknown[]) => ph.push([method, ...args]);
    ph._i.push([str(params.id), { api_host: api, person_profiles: 'identified_only' }, 'posthog']);
    const assets = api.replace('.i.posthog.com', '-assets.i.posthog.com');
    injectScript(`${assets}/static/array.js`, context, (s) => {
      s.crossOrigin = 'anonymous';
    });
  },
};
