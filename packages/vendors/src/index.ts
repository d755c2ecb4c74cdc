export { catalog } from './catalog.js';
export { toBlockerRules, toCatalogLookup, toVendorInfo } from './adapters.js';
export { checkVendorConfig, compactLookup, compactRules, compactVendors, encodeCatalog, type CompactCatalog, type CompactVendor } from './compact.js';
export { startStubs, STUBBED_GLOBALS } from './stubs.js';
export { siteServices, type SiteServiceInfo } from './site-services.js';
export { createVendorLoader, type VendorLoader } from './create-vendor-loader.js';
export {
  createConsentMode,
  consentModeRules,
  consentTypesOf,
  loadsBeforeConsent,
  ADVANCED_MODE_VENDORS,
  CONSENT_MODE_MAPPING,
  GOOGLE_VENDOR_TYPES,
  type ConsentMode,
  type ConsentModeOptions,
  type ConsentType,
  type ConsentTypes,
} from './consent-mode.js';
export { adform } from './vendors/adform.js';
export { amplitude } from './vendors/amplitude.js';
export { crazyEgg } from './vendors/crazy-egg.js';
export { criteo } from './vendors/criteo.js';
export { gemius } from './vendors/gemius.js';
export { googleAds } from './vendors/google-ads.js';
export { googleAdsense } from './vendors/google-adsense.js';
export { googleAnalytics } from './vendors/google-analytics.js';
export { googleMaps } from './vendors/google-maps.js';
export { googleTagManager } from './vendors/google-tag-manager.js';
export { hotjar } from './vendors/hotjar.js';
export { hubspot } from './vendors/hubspot.js';
export { intercom } from './vendors/intercom.js';
export { linkedinInsight } from './vendors/linkedin-insight.js';
export { matomo } from './vendors/matomo.js';
export { metaPixel } from './vendors/meta-pixel.js';
export { microsoftClarity } from './vendors/microsoft-clarity.js';
export { microsoftUet } from './vendors/microsoft-uet.js';
export { mixpanel } from './vendors/mixpanel.js';
export { outbrain } from './vendors/outbrain.js';
export { pinterestTag } from './vendors/pinterest-tag.js';
export { posthog } from './vendors/posthog.js';
export { redditPixel } from './vendors/reddit-pixel.js';
export { segment } from './vendors/segment.js';
export { snapchatPixel } from './vendors/snapchat-pixel.js';
export { taboola } from './vendors/taboola.js';
export { tawkTo } from './vendors/tawk-to.js';
export { tiktokPixel } from './vendors/tiktok-pixel.js';
export { vimeo } from './vendors/vimeo.js';
export { xPixel } from './vendors/x-pixel.js';
export { yandexMetrica } from './vendors/yandex-metrica.js';
export { youtube } from './vendors/youtube.js';
// The catalog's purposes in the other shipped languages (English is the catalog's own), one module each.
export { lvVendorTexts } from './i18n/lv.js';
export { ruVendorTexts } from './i18n/ru.js';
export { etVendorTexts } from './i18n/et.js';
export { ltVendorTexts } from './i18n/lt.js';
export { deVendorTexts } from './i18n/de.js';
export { frVendorTexts } from './i18n/fr.js';
export { esVendorTexts } from './i18n/es.js';
export { plVendorTexts } from './i18n/pl.js';
export type { CookieInfo, LoadContext, VendorDefinition, VendorKind, VendorParams } from './types.js';
