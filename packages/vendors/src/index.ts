export { catalog } from './catalog.js';
export { toBlockerRules, toCatalogLookup, toVendorInfo } from './adapters.js';
export { checkVendorConfig, compactLookup, compactRules, compactVendors, encodeCatalog, type CompactCatalog, type CompactVendor } from './compact.js';
export { startStubs, STUBBED_GLOBALS } from './stubs.js';
export { siteServices, type SiteServiceInfo } from './site-services.js';
export { createVendorLoader, type VendorLoader } from './create-vendor-loader.js';
export { defineVendor, installStub } from './engine.js';
export type { ScriptSpec, Step, StubSpec, Tpl, VendorManifest } from './manifest.js';
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
export { abTasty } from './vendors/ab-tasty.js';
export { activecampaign } from './vendors/activecampaign.js';
export { adform } from './vendors/adform.js';
export { admixer } from './vendors/admixer.js';
export { adobeAnalytics } from './vendors/adobe-analytics.js';
export { adobeAudienceManager } from './vendors/adobe-audience-manager.js';
export { adscale } from './vendors/adscale.js';
export { amplitude } from './vendors/amplitude.js';
export { awin } from './vendors/awin.js';
export { bazaarvoice } from './vendors/bazaarvoice.js';
export { chartbeat } from './vendors/chartbeat.js';
export { cloudflareTurnstile } from './vendors/cloudflare-turnstile.js';
export { codepen } from './vendors/codepen.js';
export { comscore } from './vendors/comscore.js';
export { contentsquare } from './vendors/contentsquare.js';
export { convert } from './vendors/convert.js';
export { crazyEgg } from './vendors/crazy-egg.js';
export { crisp } from './vendors/crisp.js';
export { criteo } from './vendors/criteo.js';
export { customerIo } from './vendors/customer-io.js';
export { disqus } from './vendors/disqus.js';
export { dotmetrics } from './vendors/dotmetrics.js';
export { drift } from './vendors/drift.js';
export { dynamicYield } from './vendors/dynamic-yield.js';
export { dynatrace } from './vendors/dynatrace.js';
export { equativ } from './vendors/equativ.js';
export { facebookSocial } from './vendors/facebook-social.js';
export { fathom } from './vendors/fathom.js';
export { gemius } from './vendors/gemius.js';
export { googleAdManager } from './vendors/google-ad-manager.js';
export { googleAds } from './vendors/google-ads.js';
export { googleAdsense } from './vendors/google-adsense.js';
export { googleAnalytics } from './vendors/google-analytics.js';
export { googleFloodlight } from './vendors/google-floodlight.js';
export { googleFonts } from './vendors/google-fonts.js';
export { googleMaps } from './vendors/google-maps.js';
export { googleRecaptcha } from './vendors/google-recaptcha.js';
export { googleTagManager } from './vendors/google-tag-manager.js';
export { heap } from './vendors/heap.js';
export { hotjar } from './vendors/hotjar.js';
export { hubspot } from './vendors/hubspot.js';
export { infonline } from './vendors/infonline.js';
export { inspectlet } from './vendors/inspectlet.js';
export { instagram } from './vendors/instagram.js';
export { intercom } from './vendors/intercom.js';
export { issuu } from './vendors/issuu.js';
export { klaviyo } from './vendors/klaviyo.js';
export { leadfeeder } from './vendors/leadfeeder.js';
export { leadinfo } from './vendors/leadinfo.js';
export { linkedinInsight } from './vendors/linkedin-insight.js';
export { livechat } from './vendors/livechat.js';
export { lotame } from './vendors/lotame.js';
export { luckyOrange } from './vendors/lucky-orange.js';
export { mailchimp } from './vendors/mailchimp.js';
export { marketoMeasure } from './vendors/marketo-measure.js';
export { matomo } from './vendors/matomo.js';
export { matomoCookieless } from './vendors/matomo-cookieless.js';
export { metaPixel } from './vendors/meta-pixel.js';
export { microsoftClarity } from './vendors/microsoft-clarity.js';
export { microsoftUet } from './vendors/microsoft-uet.js';
export { mixpanel } from './vendors/mixpanel.js';
export { optimizely } from './vendors/optimizely.js';
export { optinmonster } from './vendors/optinmonster.js';
export { outbrain } from './vendors/outbrain.js';
export { parsely } from './vendors/parsely.js';
export { paypal } from './vendors/paypal.js';
export { permutive } from './vendors/permutive.js';
export { pianoAnalytics } from './vendors/piano-analytics.js';
export { pinterestTag } from './vendors/pinterest-tag.js';
export { plausible } from './vendors/plausible.js';
export { posthog } from './vendors/posthog.js';
export { qualtrics } from './vendors/qualtrics.js';
export { quantcast } from './vendors/quantcast.js';
export { redditPixel } from './vendors/reddit-pixel.js';
export { rudderstack } from './vendors/rudderstack.js';
export { segment } from './vendors/segment.js';
export { sharethis } from './vendors/sharethis.js';
export { siteimprove } from './vendors/siteimprove.js';
export { sleeknote } from './vendors/sleeknote.js';
export { snapchatPixel } from './vendors/snapchat-pixel.js';
export { snapengage } from './vendors/snapengage.js';
export { spotify } from './vendors/spotify.js';
export { stripe } from './vendors/stripe.js';
export { surveymonkey } from './vendors/surveymonkey.js';
export { taboola } from './vendors/taboola.js';
export { tawkTo } from './vendors/tawk-to.js';
export { teads } from './vendors/teads.js';
export { theTradeDesk } from './vendors/the-trade-desk.js';
export { tiktokPixel } from './vendors/tiktok-pixel.js';
export { trustpilot } from './vendors/trustpilot.js';
export { twitch } from './vendors/twitch.js';
export { typeform } from './vendors/typeform.js';
export { umami } from './vendors/umami.js';
export { vimeo } from './vendors/vimeo.js';
export { vwo } from './vendors/vwo.js';
export { wistia } from './vendors/wistia.js';
export { xEmbed } from './vendors/x-embed.js';
export { xPixel } from './vendors/x-pixel.js';
export { xandr } from './vendors/xandr.js';
export { yahooDot } from './vendors/yahoo-dot.js';
export { yandexMetrica } from './vendors/yandex-metrica.js';
export { youtube } from './vendors/youtube.js';
export { zendesk } from './vendors/zendesk.js';
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
