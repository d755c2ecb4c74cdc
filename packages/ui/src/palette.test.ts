import { describe, expect, it } from 'vitest';
import { palettes, type Palette } from './palette';

/** WCAG 2.2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((n >> shift) & 255) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background, minimum, why]
const PAIRS: Array<[keyof Palette, keyof Palette, number, string]> = [
  ['text', 'bg', 4.5, '1.4.3 body text'],
  ['link', 'bg', 4.5, '1.4.3 link text'],
  ['button-text', 'button-bg', 4.5, '1.4.3 button labels'],
  ['button-bg', 'bg', 3, '1.4.11 button boundary'],
  ['focus', 'bg', 3, '1.4.11 / 2.4.7 focus ring (drawn 2px outside the control, on bg)'],
  ['switch-off', 'bg', 3, '1.4.11 switch track, off'],
  ['switch-on', 'bg', 3, '1.4.11 switch track, on'],
  ['switch-thumb', 'switch-off', 3, '1.4.11 thumb on off track'],
  ['switch-thumb', 'switch-on', 3, '1.4.11 thumb on on track'],
  ['border', 'bg', 3, '1.4.11 close button and dialog borders'],
];

describe.each(Object.entries(palettes))('%s palette', (_theme, palette) => {
  it.each(PAIRS)('%s on %s ≥ %s:1 (%s)', (fg, bg, min) => {
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(min);
  });
});

it('computes contrast as WCAG defines it', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});
