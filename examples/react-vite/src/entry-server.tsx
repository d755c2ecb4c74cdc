/** @jsxImportSource react */
import { readConsent } from '@consentry/core';
import { renderToString } from 'react-dom/server';
import { consentConfig } from './consent-config';
import { Root } from './root';

/** One request: the visitor's decision from the Cookie header, rendered into the page. */
export function render(cookieHeader: string | undefined): { html: string; state: string } {
  const initialState = readConsent(cookieHeader, consentConfig);
  const html = renderToString(<Root initialState={initialState} />);
  // `<` escaped so the JSON cannot close the script element it is embedded in.
  const state = JSON.stringify(initialState).replace(/</g, '\\u003c');
  return { html, state };
}
