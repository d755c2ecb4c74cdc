// Every vendor in one record, for the script-tag build and config validation. npm users who want a
// smaller bundle import single vendors (`import { googleAnalytics } from '@consentry/vendors'`).
import { abTasty } from './vendors/ab-tasty.js';
import { activecampaign } from './vendors/activecampaign.js';
import { adform } from './vendors/adform.js';
import { admixer } from './vendors/admixer.js';
import { adobeAnalytics } from './vendors/adobe-analytics.js';
import { adobeAudienceManager } from './vendors/adobe-audience-manager.js';
import { adscale } from './vendors/adscale.js';
import { amplitude } from './vendors/amplitude.js';
import { awin } from './vendors/awin.js';
import { bazaarvoice } from './vendors/bazaarvoice.js';
import { chartbeat } from './vendors/chartbeat.js';
import { cloudflareTurnstile } from './vendors/cloudflare-turnstile.js';
import { codepen } from './vendors/codepen.js';
import { comscore } from './vendors/comscore.js';
import { contentsquare } from './vendors/contentsquare.js';
import { convert } from './vendors/convert.js';
import { crazyEgg } from './vendors/crazy-egg.js';
import { crisp } from './vendors/crisp.js';
import { criteo } from './vendors/criteo.js';
import { customerIo } from './vendors/customer-io.js';
import { disqus } from './vendors/disqus.js';
import { dotmetrics } from './vendors/dotmetrics.js';
import { drift } from './vendors/drift.js';
import { dynamicYield } from './vendors/dynamic-yield.js';
import { dynatrace } from './vendors/dynatrace.js';
import { equativ } from './vendors/equativ.js';
import { facebookSocial } from './vendors/facebook-social.js';
import { fathom } from './vendors/fathom.js';
import { gemius } from './vendors/gemius.js';
import { googleAdManager } from './vendors/google-ad-manager.js';
import { googleAds } from './vendors/google-ads.js';
import { googleAdsense } from './vendors/google-adsense.js';
import { googleAnalytics } from './vendors/google-analytics.js';
import { googleFloodlight } from './vendors/google-floodlight.js';
import { googleFonts } from './vendors/google-fonts.js';
import { googleMaps } from './vendors/google-maps.js';
import { googleRecaptcha } from './vendors/google-recaptcha.js';
import { googleTagManager } from './vendors/google-tag-manager.js';
import { heap } from './vendors/heap.js';
import { hotjar } from './vendors/hotjar.js';
import { hubspot } from './vendors/hubspot.js';
import { infonline } from './vendors/infonline.js';
import { inspectlet } from './vendors/inspectlet.js';
import { instagram } from './vendors/instagram.js';
import { intercom } from './vendors/intercom.js';
import { issuu } from './vendors/issuu.js';
import { klaviyo } from './vendors/klaviyo.js';
import { leadfeeder } from './vendors/leadfeeder.js';
import { leadinfo } from './vendors/leadinfo.js';
import { linkedinInsight } from './vendors/linkedin-insight.js';
import { livechat } from './vendors/livechat.js';
import { lotame } from './vendors/lotame.js';
import { luckyOrange } from './vendors/lucky-orange.js';
import { mailchimp } from './vendors/mailchimp.js';
import { marketoMeasure } from './vendors/marketo-measure.js';
import { matomo } from './vendors/matomo.js';
import { matomoCookieless } from './vendors/matomo-cookieless.js';
import { metaPixel } from './vendors/meta-pixel.js';
import { microsoftClarity } from './vendors/microsoft-clarity.js';
import { microsoftUet } from './vendors/microsoft-uet.js';
import { mixpanel } from './vendors/mixpanel.js';
import { optimizely } from './vendors/optimizely.js';
import { optinmonster } from './vendors/optinmonster.js';
import { outbrain } from './vendors/outbrain.js';
import { parsely } from './vendors/parsely.js';
import { paypal } from './vendors/paypal.js';
import { permutive } from './vendors/permutive.js';
import { pianoAnalytics } from './vendors/piano-analytics.js';
import { pinterestTag } from './vendors/pinterest-tag.js';
import { plausible } from './vendors/plausible.js';
import { posthog } from './vendors/posthog.js';
import { qualtrics } from './vendors/qualtrics.js';
import { quantcast } from './vendors/quantcast.js';
import { redditPixel } from './vendors/reddit-pixel.js';
import { rudderstack } from './vendors/rudderstack.js';
import { segment } from './vendors/segment.js';
import { sharethis } from './vendors/sharethis.js';
import { siteimprove } from './vendors/siteimprove.js';
import { sleeknote } from './vendors/sleeknote.js';
import { snapchatPixel } from './vendors/snapchat-pixel.js';
import { snapengage } from './vendors/snapengage.js';
import { spotify } from './vendors/spotify.js';
import { stripe } from './vendors/stripe.js';
import { surveymonkey } from './vendors/surveymonkey.js';
import { taboola } from './vendors/taboola.js';
import { tawkTo } from './vendors/tawk-to.js';
import { teads } from './vendors/teads.js';
import { theTradeDesk } from './vendors/the-trade-desk.js';
import { tiktokPixel } from './vendors/tiktok-pixel.js';
import { trustpilot } from './vendors/trustpilot.js';
import { twitch } from './vendors/twitch.js';
import { typeform } from './vendors/typeform.js';
import { umami } from './vendors/umami.js';
import { vimeo } from './vendors/vimeo.js';
import { vwo } from './vendors/vwo.js';
import { wistia } from './vendors/wistia.js';
import { xEmbed } from './vendors/x-embed.js';
import { xPixel } from './vendors/x-pixel.js';
import { xandr } from './vendors/xandr.js';
import { yahooDot } from './vendors/yahoo-dot.js';
import { yandexMetrica } from './vendors/yandex-metrica.js';
import { youtube } from './vendors/youtube.js';
import { zendesk } from './vendors/zendesk.js';
import type { VendorDefinition } from './types.js';

export const catalog: Readonly<Record<string, VendorDefinition>> = {
  'ab-tasty': abTasty,
  activecampaign: activecampaign,
  adform: adform,
  admixer: admixer,
  'adobe-analytics': adobeAnalytics,
  'adobe-audience-manager': adobeAudienceManager,
  adscale: adscale,
  amplitude: amplitude,
  awin: awin,
  bazaarvoice: bazaarvoice,
  chartbeat: chartbeat,
  'cloudflare-turnstile': cloudflareTurnstile,
  codepen: codepen,
  comscore: comscore,
  contentsquare: contentsquare,
  convert: convert,
  'crazy-egg': crazyEgg,
  crisp: crisp,
  criteo: criteo,
  'customer-io': customerIo,
  disqus: disqus,
  dotmetrics: dotmetrics,
  drift: drift,
  'dynamic-yield': dynamicYield,
  dynatrace: dynatrace,
  equativ: equativ,
  'facebook-social': facebookSocial,
  fathom: fathom,
  gemius: gemius,
  'google-ad-manager': googleAdManager,
  'google-ads': googleAds,
  'google-adsense': googleAdsense,
  'google-analytics': googleAnalytics,
  'google-floodlight': googleFloodlight,
  'google-fonts': googleFonts,
  'google-maps': googleMaps,
  'google-recaptcha': googleRecaptcha,
  'google-tag-manager': googleTagManager,
  heap: heap,
  hotjar: hotjar,
  hubspot: hubspot,
  infonline: infonline,
  inspectlet: inspectlet,
  instagram: instagram,
  intercom: intercom,
  issuu: issuu,
  klaviyo: klaviyo,
  leadfeeder: leadfeeder,
  leadinfo: leadinfo,
  'linkedin-insight': linkedinInsight,
  livechat: livechat,
  lotame: lotame,
  'lucky-orange': luckyOrange,
  mailchimp: mailchimp,
  'marketo-measure': marketoMeasure,
  matomo: matomo,
  'matomo-cookieless': matomoCookieless,
  'meta-pixel': metaPixel,
  'microsoft-clarity': microsoftClarity,
  'microsoft-uet': microsoftUet,
  mixpanel: mixpanel,
  optimizely: optimizely,
  optinmonster: optinmonster,
  outbrain: outbrain,
  parsely: parsely,
  paypal: paypal,
  permutive: permutive,
  'piano-analytics': pianoAnalytics,
  'pinterest-tag': pinterestTag,
  plausible: plausible,
  posthog: posthog,
  qualtrics: qualtrics,
  quantcast: quantcast,
  'reddit-pixel': redditPixel,
  rudderstack: rudderstack,
  segment: segment,
  sharethis: sharethis,
  siteimprove: siteimprove,
  sleeknote: sleeknote,
  'snapchat-pixel': snapchatPixel,
  snapengage: snapengage,
  spotify: spotify,
  stripe: stripe,
  surveymonkey: surveymonkey,
  taboola: taboola,
  'tawk-to': tawkTo,
  teads: teads,
  'the-trade-desk': theTradeDesk,
  'tiktok-pixel': tiktokPixel,
  trustpilot: trustpilot,
  twitch: twitch,
  typeform: typeform,
  umami: umami,
  vimeo: vimeo,
  vwo: vwo,
  wistia: wistia,
  'x-embed': xEmbed,
  'x-pixel': xPixel,
  xandr: xandr,
  'yahoo-dot': yahooDot,
  'yandex-metrica': yandexMetrica,
  youtube: youtube,
  zendesk: zendesk,
};
