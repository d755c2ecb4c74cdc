import { describe, expect, it } from 'vitest';
import { pageKey } from './scan.js';

describe('which links are the same page', () => {
  it('ignores the query by default: ?lang= variants of a page are scanned once', () => {
    expect(pageKey('https://shop.lv/pricing.html?lang=lv')).toBe(pageKey('https://shop.lv/pricing.html?lang=ru'));
    expect(pageKey('https://shop.lv/pricing.html?lang=lv')).toBe('https://shop.lv/pricing.html');
    expect(pageKey('https://shop.lv/pricing.html')).not.toBe(pageKey('https://shop.lv/blog.html'));
  });
  it('keeps it with --keep-query', () => {
    expect(pageKey('https://shop.lv/?p=1', true)).not.toBe(pageKey('https://shop.lv/?p=2', true));
  });
});
