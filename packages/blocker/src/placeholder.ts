import { formatText } from './texts.js';
import type { BlockerTexts } from './types.js';

let counter = 0;

function toLength(value: string): string {
  return /^\d+(\.\d+)?$/.test(value) ? `${value}px` : value;
}

/**
 * A box standing in for a held iframe: same class, inline style and width/height, so the page does not
 * shift when it is swapped for the real content. Built with DOM APIs only; texts go in as text.
 */
export function createPlaceholder(iframe: HTMLIFrameElement, name: string, texts: BlockerTexts, onLoad: () => void): HTMLElement {
  const box = document.createElement('div');
  const titleId = `consentry-ph-${++counter}`;
  box.className = iframe.className ? `consentry-placeholder ${iframe.className}` : 'consentry-placeholder';
  box.setAttribute('data-consentry-placeholder', '');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', titleId);
  // CSSOM assignments are not inline-style markup, so a strict CSP (no 'unsafe-inline') allows them.
  box.style.cssText = iframe.style.cssText;
  const width = iframe.getAttribute('width');
  const height = iframe.getAttribute('height');
  const rect = typeof iframe.getBoundingClientRect === 'function' ? iframe.getBoundingClientRect() : null;
  if (width) box.style.width = toLength(width);
  else if (!iframe.style.width && rect && rect.width > 0) box.style.width = `${rect.width}px`;
  if (height) box.style.height = toLength(height);
  else if (!iframe.style.height && rect && rect.height > 0) box.style.height = `${rect.height}px`;
  if (!box.style.width && !iframe.className) box.style.width = '300px';
  if (!box.style.height && !iframe.className) box.style.height = '150px';
  box.style.maxWidth = '100%';
  box.style.boxSizing = 'border-box';
  box.style.display = 'flex';
  box.style.flexDirection = 'column';
  box.style.alignItems = 'center';
  box.style.justifyContent = 'center';
  box.style.gap = '0.5em';
  box.style.padding = '1em';
  box.style.overflow = 'auto';
  box.style.textAlign = 'center';
  if (!box.style.background) box.style.background = 'rgba(127,127,127,0.12)';

  const title = document.createElement('p');
  title.id = titleId;
  title.className = 'consentry-placeholder__title';
  title.style.margin = '0';
  title.style.fontWeight = '600';
  title.textContent = formatText(texts['placeholder.title'], name);

  const text = document.createElement('p');
  text.className = 'consentry-placeholder__text';
  text.style.margin = '0';
  text.textContent = formatText(texts['placeholder.text'], name);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'consentry-placeholder__button';
  button.textContent = formatText(texts['placeholder.button'], name);
  button.setAttribute('aria-describedby', titleId);
  // WCAG 2.5.8: at least 24×24 CSS px whatever the page's button styles are; the site's own
  // `.consentry-placeholder__button` rules can still restyle it.
  button.style.minHeight = '2.75em';
  button.style.minWidth = '44px';
  button.style.padding = '0.5em 1.25em';
  button.style.font = 'inherit';
  button.style.cursor = 'pointer';
  // The banner's design tokens (docs/ui.md): a site that brands the banner brands this button too.
  button.style.fontWeight = '600';
  button.style.color = 'var(--consentry-button-text, #ffffff)';
  button.style.background = 'var(--consentry-button-bg, #1d4fbf)';
  button.style.border = '2px solid var(--consentry-button-bg, #1d4fbf)';
  button.style.borderRadius = 'var(--consentry-radius, .5rem)';
  button.addEventListener('click', onLoad);

  box.append(title, text, button);
  return box;
}
