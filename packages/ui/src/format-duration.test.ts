import { expect, it } from 'vitest';
import { formatDuration } from './format-duration';
import { safeUrl } from './safe-url';

it('localises catalog durations and seconds', () => {
  expect(formatDuration('2 years', 'en', 'session')).toBe('2 years');
  expect(formatDuration('1 year', 'lv', 'x')).toBe('1 gads');
  expect(formatDuration('13 months', 'de', 'x')).toBe('13 Monate');
  expect(formatDuration(86400, 'en', 'x')).toBe('1 day');
  expect(formatDuration(86400 * 395, 'lv', 'x')).toBe('395 dienas');
  expect(formatDuration(90, 'en', 'x')).toBe('90 seconds');
});

it('uses the table\'s session text for session cookies and shows other text as given', () => {
  expect(formatDuration('session', 'en', 'until you close the browser')).toBe('until you close the browser');
  expect(formatDuration(0, 'en', 'S')).toBe('S');
  expect(formatDuration('persistent', 'en', 'S')).toBe('persistent');
  expect(formatDuration('2 fortnights', 'en', 'S')).toBe('2 fortnights');
});

it('lets only web and mail URLs become links', () => {
  expect(safeUrl('/privacy')).toBe('/privacy');
  expect(safeUrl('https://example.com/p')).toBe('https://example.com/p');
  expect(safeUrl('mailto:dpo@example.com')).toBe('mailto:dpo@example.com');
  expect(safeUrl('javascript:alert(1)')).toBeUndefined();
  expect(safeUrl(' JavaScript:alert(1)')).toBeUndefined();
  expect(safeUrl('data:text/html,x')).toBeUndefined();
  expect(safeUrl(undefined)).toBeUndefined();
});
