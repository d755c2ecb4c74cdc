import type { BlockerTexts } from './types.js';

export const DEFAULT_TEXTS: BlockerTexts = {
  'placeholder.title': 'Content from {name}',
  'placeholder.text': 'This content is blocked until you allow {name}, which may set cookies and collect data about your visit.',
  'placeholder.button': 'Load content',
};

/** Fills `{name}`; the result is only ever used as text, never as HTML. */
export function formatText(template: string, name: string): string {
  return template.split('{name}').join(name);
}
