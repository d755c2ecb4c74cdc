import { GVL, PurposeRestriction, RestrictionType, TCModel, TCString } from '@iabtechlabtcf/core';
import type { ResolvedTcf, RestrictionName } from './config.js';

/** A GVL v3 document as IAB publishes it (vendor-list.json); typed loosely, the IAB library reads it. */
export type VendorListJson = ConstructorParameters<typeof GVL>[0] & object;

/**
 * What the visitor chose, in TCF terms. Legitimate interest is on until objected to, so the
 * objections are what is kept; consents are what was granted.
 */
export interface TcfChoices {
  purposes: number[];
  specialFeatures: number[];
  vendors: number[];
  /** Purposes the visitor objected to (right to object to legitimate interest). */
  purposeObjections: number[];
  /** Vendors whose legitimate interest the visitor objected to. */
  vendorObjections: number[];
  /** Google ATP ids (Additional Consent) consented to. */
  atp: number[];
}

/** Purposes that may rest on legitimate interest since TCF v2.2 (never 1, 3, 4, 5, 6). */
export const LI_PURPOSES = [2, 7, 8, 9, 10, 11];

const TYPE: Record<RestrictionName, RestrictionType> = {
  'not-allowed': RestrictionType.NOT_ALLOWED,
  'require-consent': RestrictionType.REQUIRE_CONSENT,
  'require-li': RestrictionType.REQUIRE_LI,
};

/** The GVL narrowed to the vendors this site works with (deleted vendors are never disclosed). */
export function siteGvl(json: VendorListJson, cfg: ResolvedTcf): GVL {
  const gvl = new GVL(structuredClone(json));
  const live = cfg.vendors.filter((id) => gvl.vendors[id] && !gvl.vendors[id].deletedDate);
  gvl.narrowVendorsTo(live);
  return gvl;
}

/** Every choice granted: what "Accept all" means. */
export function allChoices(gvl: GVL, cfg: ResolvedTcf): TcfChoices {
  return {
    purposes: Object.keys(gvl.purposes).map(Number),
    specialFeatures: Object.keys(gvl.specialFeatures).map(Number),
    vendors: Object.keys(gvl.vendors).map(Number),
    purposeObjections: [],
    vendorObjections: [],
    atp: cfg.googleAtpProviders.map((p) => p.id),
  };
}

/** Nothing granted and every legitimate interest objected to: what "Reject all" means. */
export function noChoices(gvl: GVL): TcfChoices {
  return { purposes: [], specialFeatures: [], vendors: [], purposeObjections: [...LI_PURPOSES], vendorObjections: Object.keys(gvl.vendors).map(Number), atp: [] };
}

/**
 * Encodes a TC string v2.3 with IAB's own encoder: the core segment, the Disclosed Vendors segment
 * (every vendor shown to the visitor) and the publisher segment.
 */
export function encodeTcString(gvl: GVL, cfg: ResolvedTcf, choices: TcfChoices, now = new Date()): string {
  const tc = new TCModel(gvl);
  tc.cmpId = cfg.cmpId;
  tc.cmpVersion = cfg.cmpVersion;
  tc.isServiceSpecific = true;
  tc.publisherCountryCode = cfg.publisherCountryCode;
  tc.consentScreen = 1;
  // ConsentLanguage is the language of the GVL texts shown (IAB's encoder takes it from the GVL).
  // The spec asks for day resolution on both dates, so the string does not fingerprint the moment.
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  tc.created = day;
  tc.lastUpdated = day;
  const shown = Object.keys(gvl.vendors).map(Number);
  tc.vendorsDisclosed.set(shown);
  tc.purposeConsents.set(choices.purposes);
  tc.specialFeatureOptins.set(choices.specialFeatures);
  tc.vendorConsents.set(choices.vendors.filter((v) => shown.includes(v)));
  tc.purposeLegitimateInterests.set(LI_PURPOSES.filter((p) => !choices.purposeObjections.includes(p)));
  // Legitimate interest is signalled for every disclosed vendor not objected to; the IAB encoder
  // clears the bit of a vendor that declared no LI purpose (SemanticPreEncoder).
  tc.vendorLegitimateInterests.set(shown.filter((v) => !choices.vendorObjections.includes(v)));
  tc.publisherConsents.set(choices.purposes);
  tc.publisherLegitimateInterests.set(LI_PURPOSES.filter((p) => !choices.purposeObjections.includes(p)));
  for (const r of cfg.publisherRestrictions) {
    for (const v of r.vendors) if (shown.includes(v)) tc.publisherRestrictions.add(v, new PurposeRestriction(r.purpose, TYPE[r.type]));
  }
  return TCString.encode(tc);
}

/** Reads a stored TC string back; null when it is unreadable (then the visitor is asked again). */
export function decodeTcString(value: string | undefined): TCModel | null {
  if (!value || !/^[A-Za-z0-9_.-]{1,8000}$/.test(value)) return null;
  try {
    return TCString.decode(value);
  } catch {
    return null;
  }
}

/** The choices a stored string carries, to pre-fill the second layer when the visitor reopens it. */
export function choicesOf(tc: TCModel, atp: number[]): TcfChoices {
  const on = (v: { forEach(cb: (value: boolean, id: number) => void): void }) => {
    const out: number[] = [];
    v.forEach((value, id) => value && out.push(id));
    return out;
  };
  const off = (v: { has(id: number): boolean }, ids: number[]) => ids.filter((id) => !v.has(id));
  const disclosed = on(tc.vendorsDisclosed);
  return {
    purposes: on(tc.purposeConsents),
    specialFeatures: on(tc.specialFeatureOptins),
    vendors: on(tc.vendorConsents),
    purposeObjections: off(tc.purposeLegitimateInterests, LI_PURPOSES),
    vendorObjections: off(tc.vendorLegitimateInterests, disclosed),
    atp,
  };
}

/**
 * Whether a stored string must be discarded and the visitor asked again: another policy version
 * (IAB: do not migrate), a vendor now used that the visitor was never shown, or older than 13 months.
 */
export function mustReask(tc: TCModel, gvl: GVL, cfg: ResolvedTcf, now = Date.now()): boolean {
  if (tc.cmpId !== cfg.cmpId) return true;
  if (Number(tc.policyVersion) !== Number(gvl.tcfPolicyVersion)) return true;
  const disclosed = new Set<number>();
  tc.vendorsDisclosed.forEach((value, id) => value && disclosed.add(id));
  if (Object.keys(gvl.vendors).some((id) => !disclosed.has(Number(id)))) return true;
  const updated = tc.lastUpdated?.getTime() ?? 0;
  return now - updated > 395 * 864e5;
}
