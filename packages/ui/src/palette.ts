/**
 * Default colours per theme. Each key `k` becomes the CSS custom property `--consentry-k`
 * (a site's value wins); the contrast test checks every pairing the UI draws.
 */
export const palettes = {
  light: {
    bg: '#ffffff',
    text: '#1a1c20',
    link: '#0b4fc4',
    'button-bg': '#1d4fbf',
    'button-text': '#ffffff',
    focus: '#0b4fc4',
    'switch-off': '#5f6672',
    'switch-on': '#1d4fbf',
    'switch-thumb': '#ffffff',
    border: '#5f6672',
  },
  dark: {
    bg: '#1a1c20',
    text: '#f1f3f5',
    link: '#9cc0ff',
    'button-bg': '#9cc0ff',
    'button-text': '#10131a',
    focus: '#ffd257',
    'switch-off': '#9aa1ab',
    'switch-on': '#9cc0ff',
    'switch-thumb': '#1a1c20',
    border: '#9aa1ab',
  },
} as const;

export type Palette = Record<keyof (typeof palettes)['light'], string>;

/** `--c-bg:var(--consentry-bg,#fff);…` — internal names read the public property, falling back to the theme. */
export function themeVars(palette: Palette): string {
  return Object.entries(palette)
    .map(([key, value]) => `--c-${key}:var(--consentry-${key},${value})`)
    .join(';');
}
