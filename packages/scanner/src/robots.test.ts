import { expect, it } from 'vitest';
import { parseRobots } from './robots.js';

it('follows the longest matching rule of the group for us, else *', () => {
  const r = parseRobots(`User-agent: *
Disallow: /private
Allow: /private/ok
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: consentry-scanner
Disallow: /no-scanners
`);
  // Our own group replaces `*` entirely.
  expect(r.allowed('https://x.lv/private/page')).toBe(true);
  expect(r.allowed('https://x.lv/no-scanners/a')).toBe(false);
  const star = parseRobots('User-agent: *\nDisallow: /private\nAllow: /private/ok\nDisallow: /*.pdf$\nCrawl-delay: 2\n');
  expect(star.allowed('https://x.lv/private/page')).toBe(false);
  expect(star.allowed('https://x.lv/private/ok/1')).toBe(true);
  expect(star.allowed('https://x.lv/doc.pdf')).toBe(false);
  expect(star.allowed('https://x.lv/doc.pdf?x=1')).toBe(true);
  expect(star.crawlDelaySeconds).toBe(2);
  expect(parseRobots('').allowed('https://x.lv/anything')).toBe(true);
});
