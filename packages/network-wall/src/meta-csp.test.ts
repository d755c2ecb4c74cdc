import { describe, expect, it } from 'vitest';
import { strictMetaCsp, type ScanInventory } from './meta-csp.js';
import { CONFIG } from './test-utils/cookies.js';

const req = (host: string, category: string, vendorId: string | null = null) => ({ host, category, vendorId });
// The shape `consentry scan` writes to report.json (packages/scanner/src/types.ts).
const scan: ScanInventory = {
  pages: [
    {
      passes: {
        none: { requests: [req('fonts.gstatic.com', 'necessary'), req('www.facebook.com', 'targeting', 'meta-pixel')] },
        reject: null,
        accept: { requests: [req('region1.google-analytics.com', 'statistics', 'google-analytics'), req('static.hotjar.com', 'statistics', 'hotjar'), req('px.unknown-ads.example', 'unknown')] },
      },
    },
  ],
};

describe('strictMetaCsp: one policy for a static site, from the scan and the config', () => {
  const { meta, policy, leftOut } = strictMetaCsp(scan, CONFIG);

  it('lists first party, the necessary third parties the scan saw, and the configured vendors', () => {
    const img = policy.split('; ').find((d) => d.startsWith('img-src '))!;
    expect(img).toContain("'self'");
    expect(img).toContain('fonts.gstatic.com');
    expect(img).toContain('*.google-analytics.com');
    expect(img).toContain('connect.facebook.net');
  });

  it('leaves out a catalog vendor the config does not list and every unclassified host, and says which', () => {
    expect(policy).not.toMatch(/hotjar|unknown-ads/);
    expect(leftOut).toEqual(['px.unknown-ads.example', 'static.hotjar.com']);
  });

  it('is a <meta> element for the head', () => {
    expect(meta).toBe(`<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`);
    expect(meta.startsWith('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'')).toBe(true);
  });
});
