import { ConsentryConfigError, type ConfigIssue } from '@consentry/core';

/** The `tcf` key of a Consentry config, as a site writes it (docs/tcf.md). */
export interface TcfConfig {
  /** The CMP ID IAB Europe assigned to the company deploying Consentry. Required: Consentry has none to lend. */
  cmpId?: number;
  /** Your CMP's version; raise it on every change of your deployment. */
  cmpVersion?: number;
  /** Where the consent server serves the Global Vendor List on your origin, e.g. `/consentry/gvl/`. */
  gvl?: string;
  /** The GVL vendor ids this site works with: the vendors disclosed to the visitor. */
  vendors?: number[];
  /** ISO 3166-1 alpha-2 country of the publisher; `AA` means unknown. */
  publisherCountryCode?: string;
  publisherRestrictions?: Array<{ purpose?: number; type?: RestrictionName; vendors?: number[] }>;
  /** Must stay true: the global scope is gone since TCF v2.2. */
  isServiceSpecific?: boolean;
  /** Until the jurisdiction rules exist (issue 24): whether GDPR applies to this site's visitors. Default true. */
  gdprApplies?: boolean;
  /** Google Ad Tech Provider ids that are not on the GVL (Additional Consent, AC string v2). */
  googleAtpProviders?: Array<{ id?: number; name?: string; privacyPolicy?: string }>;
  /** Domain of the `euconsent-v2` and `addtl_consent` cookies (default: this host). */
  cookieDomain?: string;
}
export type RestrictionName = 'not-allowed' | 'require-consent' | 'require-li';

export interface AtpProvider {
  id: number;
  name: string;
  privacyPolicy: string;
}
export interface ResolvedTcf {
  cmpId: number;
  cmpVersion: number;
  gvl: string;
  vendors: number[];
  publisherCountryCode: string;
  publisherRestrictions: Array<{ purpose: number; type: RestrictionName; vendors: number[] }>;
  isServiceSpecific: true;
  gdprApplies: boolean;
  googleAtpProviders: AtpProvider[];
  cookieDomain?: string;
}

const KEYS = ['cmpId', 'cmpVersion', 'gvl', 'vendors', 'publisherCountryCode', 'publisherRestrictions', 'isServiceSpecific', 'gdprApplies', 'googleAtpProviders', 'cookieDomain'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Validates the `tcf` section in one pass. Every problem is reported with its path (`tcf.cmpId`), as
 * core does for the rest of the config; a TCF page without a valid section must not answer `__tcfapi`
 * with anything but an error, so the caller fails closed on the thrown error.
 */
export function resolveTcfConfig(input: unknown): ResolvedTcf {
  const issues: ConfigIssue[] = [];
  const report = (path: string, message: string) => void issues.push({ path: `tcf${path ? `.${path}` : ''}`, message });
  if (!isObj(input)) throw new ConsentryConfigError([{ path: 'tcf', message: 'expected an object like { "cmpId": 123, "cmpVersion": 1, "gvl": "/consentry/gvl/", "vendors": [755] }' }]);
  for (const key of Object.keys(input)) if (!KEYS.includes(key)) report(key, `unknown key; expected one of ${KEYS.join(', ')}`);

  const cmpId = input.cmpId;
  if (cmpId === undefined) report('cmpId', 'required; the CMP ID IAB Europe registered for your company (docs/tcf.md "CMP IDs"). Consentry has no CMP ID of its own; without one no TC string may be made');
  else if (!isInt(cmpId, 2, 4095)) report('cmpId', `expected an IAB CMP ID (a whole number 2 to 4095), got ${JSON.stringify(cmpId)}`);
  const cmpVersion = input.cmpVersion;
  if (cmpVersion === undefined) report('cmpVersion', 'required; your CMP version (a whole number 1 to 4095), raised on every change of your deployment');
  else if (!isInt(cmpVersion, 1, 4095)) report('cmpVersion', `expected a whole number 1 to 4095, got ${JSON.stringify(cmpVersion)}`);

  const gvl = input.gvl;
  if (typeof gvl !== 'string' || !/^(\/(?![/\\])|https:\/\/)\S*\/$/.test(gvl)) {
    report('gvl', `${gvl === undefined ? 'required' : `got ${JSON.stringify(gvl)}`}; the folder on your own origin where the consent server's vendor list is served, ending in /, like "/consentry/gvl/" (never IAB's own host: browsers must not fetch it)`);
  } else if (/consensu\.org/i.test(gvl)) report('gvl', "IAB forbids loading the vendor list from its servers in the visitor's browser; serve it from your origin (docs/tcf.md)");

  const ids = (v: unknown, path: string, max = 65535): number[] => {
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => isInt(x, 1, max))) {
      report(path, `expected a non-empty array of vendor ids (whole numbers), got ${JSON.stringify(v)}`);
      return [];
    }
    return [...new Set(v as number[])].sort((a, b) => a - b);
  };
  const vendors = ids(input.vendors, 'vendors');

  const cc = input.publisherCountryCode ?? 'AA';
  if (typeof cc !== 'string' || !/^[A-Z]{2}$/.test(cc)) report('publisherCountryCode', `expected an ISO 3166-1 alpha-2 code like "LV" (AA: unknown), got ${JSON.stringify(cc)}`);

  const types: RestrictionName[] = ['not-allowed', 'require-consent', 'require-li'];
  const restrictions: ResolvedTcf['publisherRestrictions'] = [];
  if (input.publisherRestrictions !== undefined) {
    if (!Array.isArray(input.publisherRestrictions)) report('publisherRestrictions', 'expected an array of { "purpose": 2, "type": "require-consent", "vendors": [10] }');
    else
      input.publisherRestrictions.forEach((r: unknown, i: number) => {
        const path = `publisherRestrictions.${i}`;
        if (!isObj(r)) return report(path, 'expected { "purpose": 2, "type": "require-consent", "vendors": [10] }');
        for (const key of Object.keys(r)) if (!['purpose', 'type', 'vendors'].includes(key)) report(`${path}.${key}`, 'unknown key; expected purpose, type or vendors');
        // Purpose 1 can only be restricted to "not allowed"; there is no LI for it (TCF policy).
        if (!isInt(r.purpose, 1, 11)) report(`${path}.purpose`, `expected a TCF purpose id 1 to 11, got ${JSON.stringify(r.purpose)}`);
        if (!types.includes(r.type as RestrictionName)) report(`${path}.type`, `expected one of ${types.join(', ')}, got ${JSON.stringify(r.type)}`);
        else if (r.purpose === 1 && r.type === 'require-li') report(`${path}.type`, 'purpose 1 cannot rest on legitimate interest');
        const vs = ids(r.vendors, `${path}.vendors`);
        for (const v of vs) if (vendors.length && !vendors.includes(v)) report(`${path}.vendors`, `vendor ${v} is not in tcf.vendors`);
        restrictions.push({ purpose: r.purpose as number, type: r.type as RestrictionName, vendors: vs });
      });
  }

  if (input.isServiceSpecific !== undefined && input.isServiceSpecific !== true) {
    report('isServiceSpecific', 'must be true: TC strings are service-specific since TCF v2.2 (the global scope is deprecated)');
  }
  const gdprApplies = input.gdprApplies ?? true;
  if (typeof gdprApplies !== 'boolean') report('gdprApplies', `expected true or false, got ${JSON.stringify(gdprApplies)}`);

  const atp: AtpProvider[] = [];
  if (input.googleAtpProviders !== undefined) {
    if (!Array.isArray(input.googleAtpProviders)) report('googleAtpProviders', 'expected an array of { "id": 89, "name": "…", "privacyPolicy": "https://…" }');
    else
      input.googleAtpProviders.forEach((p: unknown, i: number) => {
        const path = `googleAtpProviders.${i}`;
        if (!isObj(p)) return report(path, 'expected { "id": 89, "name": "…", "privacyPolicy": "https://…" }');
        if (!isInt(p.id, 1, 1e6)) report(`${path}.id`, `expected Google's ATP id (a whole number), got ${JSON.stringify(p.id)}`);
        if (typeof p.name !== 'string' || !p.name.trim()) report(`${path}.name`, 'required; the provider name shown to the visitor');
        if (typeof p.privacyPolicy !== 'string' || !/^https:\/\//.test(p.privacyPolicy)) report(`${path}.privacyPolicy`, 'required; the https URL of the provider privacy policy');
        atp.push({ id: p.id as number, name: p.name as string, privacyPolicy: p.privacyPolicy as string });
      });
  }
  const cookieDomain = input.cookieDomain;
  if (cookieDomain !== undefined && (typeof cookieDomain !== 'string' || !/^\.?[a-z\d.-]+$/i.test(cookieDomain))) report('cookieDomain', 'expected a domain like .example.com');

  if (issues.length) throw new ConsentryConfigError(issues);
  return {
    cmpId: cmpId as number,
    cmpVersion: cmpVersion as number,
    gvl: gvl as string,
    vendors,
    publisherCountryCode: cc as string,
    publisherRestrictions: restrictions,
    isServiceSpecific: true,
    gdprApplies: gdprApplies as boolean,
    googleAtpProviders: atp.sort((a, b) => a.id - b.id),
    ...(cookieDomain ? { cookieDomain: cookieDomain as string } : {}),
  };
}
