// Every vendor in one record, for the script-tag build and config validation. npm users who want a
// smaller bundle import single vendors (`import { googleAnalytics } from '@consentry/vendors'`).
import { adform } from './vendors/adform.js';
import { amplitude } from './vendors/amplitude.js';
import { crazyEgg } from './vendors/crazy-egg.js';
import { criteo } from './vendors/criteo.js';
import { gemius } from './vendors/gemius.js';
import { googleAds } from './vendors/google-ads.js';
import { googleAdsense } from './vendors/google-adsense.js';
import { googleAnalytics } from './vendors/google-analytics.js';
import { googleMaps } from './vendors/google-maps.js';
import { googleTagManager } from './vendors/google-tag-manager.js';
import { hotjar } from './vendors/hotjar.js';
import { hubspot } from './vendors/hubspot.js';
import { intercom } from './vendors/intercom.js';
import { linkedinInsight } from './vendors/linkedin-insight.js';
import { matomo } from './vendors/matomo.js';
import { metaPixel } from './vendors/meta-pixel.js';
import { microsoftClarity } from './vendors/microsoft-clarity.js';
import { microsoftUet } from './vendors/microsoft-uet.js';
import { mixpanel } from './vendors/mixpanel.js';
import { outbrain } from './vendors/outbrain.js';
import { pinterestTag } from './vendors/pinterest-tag.js';
import { posthog } from './vendors/posthog.js';
import { redditPixel } from './vendors/reddit-pixel.js';
import { segment } from './vendors/segment.js';
import { snapchatPixel } from './vendors/snapchat-pixel.js';
import { taboola } from './vendors/taboola.js';
import { tawkTo } from './vendors/tawk-to.js';
import { tiktokPixel } from './vendors/tiktok-pixel.js';
import { vimeo } from './vendors/vimeo.js';
import { xPixel } from './vendors/x-pixel.js';
import { yandexMetrica } from './vendors/yandex-metrica.js';
import { youtube } from './vendors/youtube.js';
import type { VendorDefinition } from './types.js';

export const catalog: Readonly<Record<string, VendorDefinition>> = {
  adform: adform,
  amplitude: amplitude,
  'crazy-egg': crazyEgg,
  criteo: criteo,
  gemius: gemius,
  'google-ads': googleAds,
  'google-adsense': googleAdsense,
  'google-analytics': googleAnalytics,
  'google-maps': googleMaps,
  'google-tag-manager': googleTagManager,
  hotjar: hotjar,
  hubspot: hubspot,
  intercom: intercom,
  'linkedin-insight': linkedinInsight,
  matomo: matomo,
  'meta-pixel': metaPixel,
  'microsoft-clarity': microsoftClarity,
  'microsoft-uet': microsoftUet,
  mixpanel: mixpanel,
  outbrain: outbrain,
  'pinterest-tag': pinterestTag,
  posthog: posthog,
  'reddit-pixel': redditPixel,
  segment: segment,
  'snapchat-pixel': snapchatPixel,
  taboola: taboola,
  'tawk-to': tawkTo,
  'tiktok-pixel': tiktokPixel,
  vimeo: vimeo,
  'x-pixel': xPixel,
  'yandex-metrica': yandexMetrica,
  youtube: youtube,
};
