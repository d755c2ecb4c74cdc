import { SEGMENT_COOKIES } from '../data/cookies.js';
import { injectScript, str, win } from '../dom.js';
import type { VendorDefinition } from '../types.js';

const METHODS = ['trackSubmit', 'trackClick', 'trackLink', 'trackForm', 'pageview', 'identify', 'reset', 'group', 'track', 'ready', 'alias', 'debug', 'page', 'screen', 'once', 'off', 'on', 'addSourceMiddleware', 'addIntegrationMiddleware', 'setAnonymousId', 'addDestinationMiddleware', 'register'];

export const segment: VendorDefinition = {
  id: 'segment',
  name: 'Segment',
  category: 'statistics',
  kind: 'analytics',
  purpose: 'Collects visitor events and forwards them to the analytics and marketing tools the site has connected.',
  privacyPolicy: 'https://www.twilio.com/en-us/legal/privacy',
  hosts: ['cdn.segment.com', 'api.segment.io', 'segment.com', 'segment.io'],
  cookies: SEGMENT_COOKIES,
  storage: ['ajs_anonymous_id', 'ajs_user_id', 'ajs_user_traits', 'ajs_group_id', 'ajs_group_properties'],
  idParam: { type: 'string', required: true, pattern: /^[A-Za-z0-9]{20,40}$/, example: 'a source write key like 9XyZ…' },
  load(params, context) {
    const w = win();
    const analytics: any = (w.analytics = w.analytics || []);
    if (analytics.initialize || analytics.invoked) return;
    analytics.invoked = true;
    analytics.methods = METHODS;
    for (const method of METHODS) {
      analytics[method] = (...args: unknown[]) => {
        analytics.push([method, ...args]);
        return analytics;
      };
    }
    const key = str(params.id);
    analytics._writeKey = key;
    analytics.SNIPPET_VERSION = '5.2.0';
    injectScript(`https://cdn.segment.com/analytics.js/v1/${encodeURIComponent(key)}/analytics.min.js`, context);
    analytics.page();
  },
};
