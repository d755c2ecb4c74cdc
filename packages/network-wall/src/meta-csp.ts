import { isVendorListed } from '@consentry/core';
import { VENDOR_INDEX } from './catalog-index.js';
import { buildPolicy, hostSources, type CspOptions } from './csp.js';
import { createWall } from './wall.js';

/** The part of a `consentry scan` report (report.json) the strict policy reads. */
export interface ScanInventory {
  pages: ReadonlyArray<{
    passes: Readonly<Record<string, { requests: ReadonlyArray<{ host: string; category: string; vendorId: string | null }> } | null>>;
  }>;
}

export interface StrictMeta {
  /** `<meta http-equiv="Content-Security-Policy" content="…">`, for the top of every page's `<head>`. */
  meta: string;
  policy: string;
  /** Third-party hosts the scan saw that the policy leaves out: catalog vendors the config does not list, and unclassified hosts. */
  leftOut: string[];
}

/**
 * Strict mode for a static site, which cannot vary a header by visitor: one policy for every visitor
 * that lists only what was disclosed. First party, the third parties the scan classified as
 * necessary, and the hosts of the vendors the config lists (whose consent the guard and the service
 * worker still enforce). Anything else the scan saw, and anything it did not, cannot load by any
 * route: not by a redirect, CSS, a font, a worker or markup the preload scanner fetches.
 */
export function strictMetaCsp(scan: ScanInventory, config: unknown, options: CspOptions = {}): StrictMeta {
  const wall = createWall(config, VENDOR_INDEX);
  const listed = wall.rules.filter((r) => isVendorListed(wall.config, r.id));
  const necessary = new Set<string>();
  const seen = new Set<string>();
  for (const page of scan.pages) {
    for (const pass of Object.values(page.passes)) {
      for (const r of pass?.requests ?? []) {
        seen.add(r.host);
        if (r.category === 'necessary' && !r.vendorId) necessary.add(r.host);
      }
    }
  }
  const vendorHost = (host: string) => listed.some((r) => r.hosts.some((h) => { const base = h.split('/')[0]!.replace(/^\*?\./, ''); return host === base || host.endsWith(`.${base}`); }));
  const policy = buildPolicy([...necessary, ...hostSources(listed)], options);
  const leftOut = [...seen].filter((h) => !necessary.has(h) && !vendorHost(h)).sort();
  // The policy is made of hosts, keywords and `;`: nothing in it needs escaping but the quotes.
  return { meta: `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`, policy, leftOut };
}
