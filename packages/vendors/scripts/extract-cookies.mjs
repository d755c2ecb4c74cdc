#!/usr/bin/env node
// Regenerates src/data/cookies.ts from the Open Cookie Database (Apache-2.0,
// github.com/jkwakman/Open-Cookie-Database; see NOTICE). Run from the repo root or this package:
//   node packages/vendors/scripts/extract-cookies.mjs [path/to/open-cookie-database.csv]
// Per vendor it keeps the names listed below, with the database's retention and wildcard flag.
// `firstParty` names are written on the site's own domain: the blocker deletes them on withdrawal and
// refuses their writes while the vendor is not granted. `thirdParty` names live on the vendor's domain:
// listed for disclosure only (a page cannot read or delete them). `extra` are names the database lacks,
// curated by Consentry from the vendors' own documentation, marked `source: 'consentry'`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const csvPath = resolve(process.argv[2] ?? resolve(here, '../../../../shared/data/open-cookie-database/open-cookie-database.csv'));
const outPath = resolve(here, '../src/data/cookies.ts');

/** vendor id → { firstParty, thirdParty: [[platform, names[]]], extra } */
const SPEC = {
  'google-analytics': { firstParty: [['Google Analytics', ['_ga', '_ga_', '_gid', '_gat', '_gat_gtag_', '_dc_gtm_', '_gali', '__utma', '__utmb', '__utmc', '__utmt', '__utmz', '__utmv']]] },
  'google-tag-manager': {},
  'google-ads': {
    firstParty: [['Google Ads', ['_gcl_aw', '_gcl_gs', '_gcl_gb', '_gac_gb_', 'FPGCLAW', 'FPGCLGB']], ['Google Analytics', ['_gac_']]],
    thirdParty: [['DoubleClick/Google Marketing', ['IDE', 'DSID', 'test_cookie']]],
    extra: [{ name: '_gcl_au', lifetime: '90 days' }, { name: '_gcl_dc', lifetime: '90 days' }],
  },
  'google-adsense': { firstParty: [['DoubleClick/Google Marketing', ['__gads']], ['Google AdSense', ['__gpi', '__gsas', '__eoi']]], thirdParty: [['DoubleClick/Google Marketing', ['IDE']]] },
  'meta-pixel': { firstParty: [['Facebook', ['_fbp', '_fbc']]], thirdParty: [['Facebook', ['fr', 'datr', 'sb']]] },
  hotjar: {
    firstParty: [['Hotjar', ['_hjSessionUser_', '_hjSession_', '_hjid', '_hjFirstSeen', '_hjIncludedInSessionSample', '_hjIncludedInPageviewSample', '_hjAbsoluteSessionInProgress', '_hjTLDTest', '_hjLocalStorageTest', '_hjSessionStorageTest', '_hjCookieTest', '_hjUserAttributesHash', '_hjCachedUserAttributes', '_hjHasCachedUserAttributes', '_hjClosedSurveyInvites', '_hjDonePolls', '_hjMinimizedPolls', '_hjShownFeedbackMessage', '_hjSessionTooLarge', '_hjSessionRejected', '_hjSessionResumed', '_hjptid', 'hjViewportId']]],
  },
  'microsoft-clarity': { firstParty: [['Microsoft', ['_clck', '_clsk']]], thirdParty: [['Microsoft', ['CLID', 'SM']], ['Bing / Microsoft', ['MUID']]] },
  'linkedin-insight': { firstParty: [['LinkedIn', ['li_fat_id', 'li_sugr', 'ln_or', 'li_giant']]], thirdParty: [['LinkedIn', ['bcookie', 'lidc', 'UserMatchHistory', 'AnalyticsSyncHistory', 'li_gc', '_guid']]] },
  'tiktok-pixel': { firstParty: [['TikTok', ['_ttp', '_tt_enable_cookie', 'ttcsid']]], thirdParty: [['TikTok', ['ttwid', 'msToken']]] },
  'pinterest-tag': { firstParty: [['Pinterest', ['_pinterest_ct', '_pinterest_ct_rt', '_pinterest_ct_ua', '_pin_unauth', '_epik', '_derived_epik']]], thirdParty: [['Pinterest', ['_pinterest_sess', '_routing_id']]] },
  'x-pixel': { thirdParty: [['X', ['guest_id', 'guest_id_ads', 'guest_id_marketing', 'personalization_id', 'muc_ads']]], extra: [{ name: '_twclid', lifetime: '2 years' }] },
  'microsoft-uet': { firstParty: [['Bing / Microsoft', ['_uetsid', '_uetvid']]], thirdParty: [['Bing / Microsoft', ['MUID', 'MR', '_RwBf']]], extra: [{ name: '_uetmsclkid', lifetime: '90 days' }] },
  criteo: { extra: [{ name: 'cto_bundle', lifetime: '13 months' }, { name: 'cto_bidid', lifetime: '13 months' }, { name: 'uid', lifetime: '13 months', thirdParty: true }] },
  taboola: { firstParty: [['Taboola', ['t_gid', 't_pt_gid', 'taboola_session_id', '_tb_sess_r', '_tb_t_ppg']]] },
  'yandex-metrica': { firstParty: [['Yandex.Metrica', ['_ym_uid', '_ym_d', '_ym_isad', '_ym_metrika_enabled', '_ym_visorc_', '_ym_debug', '_ym_hostIndex']]], thirdParty: [['Yandex.Metrica', ['yandexuid', 'yuidss', 'ymex', 'yabs-sid', '_yasc']]] },
  matomo: { firstParty: [['Matomo', ['_pk_id', '_pk_ref', '_pk_ses', '_pk_cvar', '_pk_hsr', '_pk_testcookie', 'matomo_sessid']]] },
  mixpanel: { firstParty: [['Mixpanel', ['mp_']]] },
  amplitude: { firstParty: [['Amplitude', ['AMP_', 'AMP_MKTG_', 'AMP_TEST', 'AMP_TLDTEST', 'amplitude_id_']]] },
  posthog: { extra: [{ name: 'ph_phc_', prefix: true, lifetime: '1 year' }] },
  segment: { firstParty: [['Trustpilot', ['ajs_anonymous_id', 'ajs_user_id', 'ajs_group_id']]] },
  hubspot: { firstParty: [['Hubspot', ['__hstc', 'hubspotutk', '__hssc', '__hssrc', 'messagesUtk']]] },
  intercom: { firstParty: [['Intercom', ['intercom-id-', 'intercom-session-', 'intercom-device-id-']]] },
  youtube: { thirdParty: [['Youtube', ['YSC', 'VISITOR_INFO1_LIVE', 'VISITOR_PRIVACY_METADATA', 'PREF', 'GPS', '__Secure-ROLLOUT_TOKEN']]] },
  vimeo: { thirdParty: [['Vimeo', ['vuid', 'Player', 'sd_identity', 'sd_client_id']]] },
  'google-maps': { thirdParty: [['Google Maps', ['OGPC', 'OGP']], ['Google', ['SOCS']]] },
  adform: { firstParty: [['Adform', ['adformfrpid']]], thirdParty: [['Adform', ['uid', 'C', 'TPC', 'CM', 'CM14', 'GCM', 'cid', 'otsid']]] },
  gemius: { firstParty: [['Gemius', ['__gfp_64b', '__gfp_s_64b']]], thirdParty: [['Gemius', ['Gdyn']]] },
  'snapchat-pixel': { firstParty: [['Snapchat', ['_scid', '_scid_r', '_schn']]], thirdParty: [['Snapchat', ['sc_at']]] },
  'reddit-pixel': { firstParty: [['Reddit', ['_rdt_uuid']]], thirdParty: [['Reddit', ['edgebucket']]] },
  outbrain: { firstParty: [['Outbrain', ['obsessionid-', 'auid', 'outbrain_dicbo_id', 'dicbo_id']]], thirdParty: [['Outbrain', ['obuid', 'apnxs', 'mdfrc', 'adrl']]] },
  'crazy-egg': { firstParty: [['Crazy Egg', ['_ce.s', '_ce.clock_data', '_ce.clock_event', '_ce.irv', '_ce.cch', '_ce.gtld', '_ceir', '_CEFT', '_cer.v', '_crazyegg', 'ce_successful_csp_check']]], thirdParty: [['Crazy Egg', ['cebs', 'cebsp_']]] },
  'tawk-to': { firstParty: [['Tawk.to', ['tawk_']], ['Tawk.to Chat', ['TawkConnectionTime', 'TawkCookie', '__tawkuuid']]], thirdParty: [['Tawk.to Chat', ['tawkUUID']]] },
  'google-floodlight': { firstParty: [['Google', ['_gcl_dc', '_gcl_au']]], thirdParty: [['DoubleClick/Google Marketing', ['IDE', 'DSID', 'test_cookie', 'FLC', 'RUL']]] },
  'google-ad-manager': { firstParty: [['DoubleClick/Google Marketing', ['__gads']], ['Google AdSense', ['__gpi', '__eoi']]], thirdParty: [['DoubleClick/Google Marketing', ['IDE']]] },
  'quantcast': { firstParty: [['Quantcast', ['__qca']]], thirdParty: [['Quantcast', ['mc', 'cref']]] },
  'xandr': { firstParty: [['Xandr', ['pses']]], thirdParty: [['Xandr', ['anj', 'uuid2', 'usersync', 'XANDR_PANID']]] },
  'the-trade-desk': { thirdParty: [['The Tradedesk', ['TDID', 'TDCPM']]] },
  'teads': { thirdParty: [['Teads', ['tt_viewer']]] },
  'equativ': { firstParty: [['Smartadserver', ['TestIfCookie']]], thirdParty: [['Smartadserver', ['pid', 'gid', 'Pdomid', 'TestIfCookieP']]] },
  'yahoo-dot': { thirdParty: [['Yahoo', ['A1', 'A1S', 'A3', 'IDSYNC']]] },
  'awin': { firstParty: [['Awin', ['AwinChannelCookie', 'lantern']]] },
  'lotame': { firstParty: [['Lotame', ['panoramaId', 'panoramaId_expiry', '_cc_domain']]], thirdParty: [['Lotame', ['_cc_id', '_cc_aud', '_cc_cc']]] },
  'admixer': { thirdParty: [['Admixer', ['am-uid']]] },
  'adscale': { thirdParty: [['adscale.de', ['uu', 'tu', 'cct']]] },
  'sharethis': { firstParty: [['ShareThis', ['fpestid', 'pxcelAcc3PC']]], thirdParty: [['ShareThis', ['__stid', '__stidv', 'pubconsent']]] },
  'marketo-measure': { firstParty: [['Marketo', ['_biz_uid', '_biz_nA', '_biz_flagsA', '_biz_pendingA', '_biz_su']]] },
  'klaviyo': { firstParty: [['Klaviyo', ['__kla_id']]] },
  'mailchimp': { firstParty: [['Mailchimp', ['mc_cid', 'mc_eid', 'mc_landing_site']]] },
  'activecampaign': { firstParty: [['Active Campaign', ['ac_enable_tracking', 'prism_']]] },
  'customer-io': { firstParty: [['Customer.io', ['_cio', '_cioid', '_cioanonid', 'cioFT', 'cioLT']]] },
  'leadfeeder': { firstParty: [['Leadfeeder', ['_lfa']]] },
  'leadinfo': { firstParty: [['Leadinfo', ['_li_id', '_li_ses']]] },
  'sleeknote': { firstParty: [['Sleeknote', ['_sn_a', '_sn_m', '_sn_n']]] },
  'optinmonster': { firstParty: [['Optinmonster', ['_omappvs', '_omappvp']]] },
  'permutive': { firstParty: [['Permutive', ['permutive-id', 'pxid']]] },
  'adobe-audience-manager': { firstParty: [['Adobe Audience Manager', ['aam_uuid', 'dextp', 'dst']]], thirdParty: [['Adobe Audience Manager', ['demdex', '_dp']]] },
  'facebook-social': { thirdParty: [['Facebook', ['datr', 'sb', 'fr', 'c_user', 'xs']]] },
  'heap': { firstParty: [['Heap Analytics', ['_hp2_id', '_hp2_ses_props']]] },
  'plausible': {  },
  'matomo-cookieless': {  },
  'fathom': {  },
  'umami': {  },
  'adobe-analytics': { firstParty: [['Adobe Analytics', ['s_cc', 's_sq', 's_fid', 's_ecid', 's_ppv', 's_tp', 'sat_track']]], thirdParty: [['Adobe Analytics', ['s_vi']]] },
  'piano-analytics': { firstParty: [['AT Internet', ['atidvisitor', 'atuserid']], ['Piano', ['pa_user']]] },
  'chartbeat': { firstParty: [['Chartbeat', ['_chartbeat', '_SUPERFLY_nosample']]] },
  'comscore': { thirdParty: [['ComScore', ['UID', 'UIDR', 'PID', 'XID']]] },
  'infonline': { thirdParty: [['infOnline', ['i00']]] },
  'dotmetrics': { thirdParty: [['Dotmetrics', ['DotMetrics.UniqueUserIdentityCookie', 'DotMetrics.SessionCookieTemp', 'DotMetrics.DeviceKey']]] },
  'parsely': { firstParty: [['Parse.ly', ['_parsely_visitor', '_parsely_session']]] },
  'rudderstack': { firstParty: [['Rudderstack', ['rl_user_id', 'rl_anonymous_id', 'rl_session', 'rl_trait', 'rl_group_id', 'rl_group_trait']]] },
  'contentsquare': { firstParty: [['ContentSquare', ['_cs_c', '_cs_id', '_cs_s', '_cs_ex', '_cs_optout', '_cs_rl', '_cs_cvars']]] },
  'lucky-orange': { firstParty: [['Lucky Orange', ['_lo_uid', '_lo_v', '_lo_rid', '_lo_cid', '_lo_np_', '__lotl', '__lotr']]] },
  'inspectlet': { thirdParty: [['Inspectlet', ['__insp_uid', '__insp_sid', '__insp_wid', '__insp_nv', '__insp_ref', '__insp_slim']]] },
  'dynatrace': { firstParty: [['Dynatrace', ['dtCookie', 'dtPC', 'dtSa', 'dtLatC', 'rxVisitor', 'rxvt']]] },
  'qualtrics': { firstParty: [['Qualtrics', ['QSI_HistorySession', 'QSI_SI_', 'QSI_S_', 'QST']]] },
  'surveymonkey': { firstParty: [['SurveyMonkey', ['sm_ir', 'sm_rec']]] },
  'dynamic-yield': { firstParty: [['Dynamic Yield', ['_dyid', '_dyjsession', '_dycst', '_dy_ses_load_seq', '_dy_soct', '_dyid_server']]] },
  'convert': { firstParty: [['Convert Insights', ['_conv_v', '_conv_s', '_conv_r']]] },
  'optimizely': { firstParty: [['Optimizely', ['optimizelyEndUserId', 'optimizelyRedirectData', 'optimizelyDomainTestCookie', 'optimizelyOptOut']]] },
  'vwo': { firstParty: [['Visual Website Optimizer', ['_vwo_uuid_v2', '_vwo_uuid', '_vis_opt_s', '_vis_opt_test_cookie', '_vis_opt_exp_', '_vwo_sn', '_vwo_ds', '_vwo_referrer']]] },
  'ab-tasty': { firstParty: [['ABTasty', ['ABTasty', 'ABTastySession']]] },
  'siteimprove': { firstParty: [['Siteimprove', ['nmstat']]] },
  'spotify': { thirdParty: [['Spotify', ['sp_t', 'sp_landing']]] },
  'instagram': { thirdParty: [['Instagram', ['ig_did', 'mid', 'ig_cb', 'ds_user_id', 'sessionid']]] },
  'x-embed': { thirdParty: [['X', ['guest_id', 'personalization_id', 'guest_id_ads', 'guest_id_marketing', 'syndication_guest_id']]] },
  'twitch': { thirdParty: [['Twitch', ['unique_id', 'unique_id_durable', 'device_id', 'server_session_id']]] },
  'wistia': { firstParty: [['Wistia', ['_distillery', 'muxData', 'wistia-video-progress-']]] },
  'issuu': { thirdParty: [['Issuu', ['iutk']]] },
  'codepen': { thirdParty: [['Codepen', ['codepen_session', '__editor_layout']]] },
  'disqus': { thirdParty: [['Disqus', ['vglnk.Agent.p', 'vglnk.PartnerRfsh.p']]] },
  'typeform': { thirdParty: [['Typeform', ['tf_respondent_cc', 'attribution_user_id']]] },
  'google-recaptcha': { thirdParty: [['Google reCAPTCHA', ['_GRECAPTCHA']]] },
  'cloudflare-turnstile': {  },
  'google-fonts': {  },
  'zendesk': { firstParty: [['Zendesk', ['_zendesk_cookie', '_zendesk_session', '_zendesk_shared_session']]], thirdParty: [['Zendesk', ['__zlcmid', '__zlcprivacy']]] },
  'crisp': { firstParty: [['Crisp', ['crisp-client/']]] },
  'livechat': { firstParty: [['LiveChat', ['lc_']]], thirdParty: [['Livechat', ['__lc_cid', '__lc_cst', '__lc2_cid', '__lc2_cst']]] },
  'drift': { firstParty: [['Drift', ['drift_']]] },
  'snapengage': { firstParty: [['SnapEngage', ['SnapABugHistory', 'SnapABugUserAlias', 'SnapABugVisit', 'SnapABugRef']]] },
  'trustpilot': { thirdParty: [['Trustpilot', ['__auc', '__asc']]] },
  'bazaarvoice': { thirdParty: [['Bazaar Voice', ['BVBRANDID', 'BVBRANDSID', 'BVID']]] },
  'stripe': { thirdParty: [['Stripe', ['__stripe_mid', '__stripe_sid', 'm']]] },
  'paypal': { thirdParty: [['PayPal', ['ts', 'ts_c', 'nsid', 'x-pp-s', 'tsrce', 'l7_az', 'enforce_policy']]] },
};

/** RFC 4180 enough for this file: quoted fields, doubled quotes, newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const [header, ...records] = parseCsv(readFileSync(csvPath, 'utf8')).filter((r) => r.length > 1);
const col = (name) => header.indexOf(name);
const [P, N, R, W] = ['Platform', 'Cookie / Data Key name', 'Retention period', 'Wildcard match'].map(col);
const index = new Map();
for (const r of records) index.set(`${r[P].trim()}\u0000${r[N].trim()}`, r);

const constName = (id) => `${id.replace(/-/g, '_').toUpperCase()}_COOKIES`;
// The database's retention texts, in the forms the UI localises (format-duration.ts): a qualifier the
// dialog cannot translate is dropped, a word for "no end" or "it depends" becomes one term, and a
// value that is not a period at all ("Awin") is shown as not stated.
function tidy(s) {
  const t = s.trim().replace(/\s+/g, ' ').toLowerCase()
    .replace(/ by default, modifiable$/, '')
    .replace(/ or 10 years when opting out$/, '')
    .replace(/^(\d+) secs?$/, '$1 seconds');
  if (/^(varies|various)$/.test(t)) return 'various';
  if (/^(forever|persistent|no expiration)$/.test(t)) return 'persistent';
  if (t === 'session cookie' || t === '0 days') return 'session';
  if (!/\d|session|unknown/.test(t)) return 'unknown';
  return t;
}
const quote = (v) => (typeof v === 'string' ? `'${v.replace(/[\\']/g, '\\$&')}'` : String(v));
const missing = [];
let out = `// Generated by scripts/extract-cookies.mjs. Do not edit by hand; run the script to refresh.
// Cookie names and retention periods derived from the Open Cookie Database by Jeroen Kwakman and
// contributors (https://github.com/jkwakman/Open-Cookie-Database), Apache License 2.0 (see NOTICE).
// Entries marked source: 'consentry' are not in that database and were added by Consentry.
import type { CookieInfo } from '../types.js';
`;
for (const [id, spec] of Object.entries(SPEC)) {
  const items = [];
  for (const [party, groups] of [['first', spec.firstParty ?? []], ['third', spec.thirdParty ?? []]]) {
    for (const [platform, names] of groups) {
      for (const name of names) {
        const r = index.get(`${platform}\u0000${name}`);
        if (!r) {
          missing.push(`${id}: ${platform} / ${name}`);
          continue;
        }
        const item = { name, lifetime: tidy(r[R] || 'unknown') };
        if (r[W].trim() === '1') item.prefix = true;
        if (party === 'third') item.thirdParty = true;
        items.push(item);
      }
    }
  }
  for (const extra of spec.extra ?? []) items.push({ ...extra, source: 'consentry' });
  const body = items.map((c) => `  { ${Object.entries(c).map(([k, v]) => `${k}: ${quote(v)}`).join(', ')} }`).join(',\n');
  out += `\nexport const ${constName(id)}: readonly CookieInfo[] = [${body ? `\n${body},\n` : ''}];\n`;
}
writeFileSync(outPath, out);
if (missing.length) {
  console.error(`Not found in the database (fix the SPEC):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`Wrote ${outPath} (${Object.keys(SPEC).length} vendors).`);
