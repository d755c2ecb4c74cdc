import type { Consent } from '@consentry/core';
import { buildDeclaration, renderDeclaration } from './declaration';
import type { NoticeOptions } from './notice-texts';

const drawn = new WeakMap<Element, string>();

/**
 * Fills every `[data-consentry-declaration]` element of the page with the cookie declaration. An
 * element is redrawn only when what it shows changed, so a focused "change" button is not replaced
 * under the visitor (focus returns to it when the dialog closes).
 */
export function drawDeclarations(consent: Consent, language: string, options: NoticeOptions, change: (opener: HTMLElement) => void): void {
  const targets = document.querySelectorAll('[data-consentry-declaration]');
  if (targets.length === 0) return;
  const declaration = buildDeclaration(consent, language, options);
  const key = JSON.stringify([declaration, consent.getState()]);
  for (const target of Array.from(targets)) {
    if (drawn.get(target) === key) continue;
    drawn.set(target, key);
    renderDeclaration(target, consent, declaration, change);
  }
}
