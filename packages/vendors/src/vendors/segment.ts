import { SEGMENT_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

const SEGMENT_METHODS = ['trackSubmit', 'trackClick', 'trackLink', 'trackForm', 'pageview', 'identify', 'reset', 'group', 'track', 'ready', 'alias', 'debug', 'page', 'screen', 'once', 'off', 'on', 'addSourceMiddleware', 'addIntegrationMiddleware', 'setAnonymousId', 'addDestinationMiddleware', 'register'];

export const segment = defineVendor({
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
  skip: ['analytics.initialize', 'analytics.invoked'],
  stubs: [{ name: 'analytics', array: true, methods: SEGMENT_METHODS, props: { invoked: true, methods: SEGMENT_METHODS, _writeKey: '{id}', SNIPPET_VERSION: '5.2.0' } }],
  init: [{ call: 'analytics.page' }],
  script: { src: 'https://cdn.segment.com/analytics.js/v1/{id}/analytics.min.js' },
});
