/** @jsxImportSource react */
import type { ConsentState } from '@consentry/core';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { Root } from './root';

const container = document.getElementById('root')!;
// Set by server.mjs next to the server-rendered HTML; absent under `vite dev` (client only).
const stateElement = document.getElementById('consent-state');

if (stateElement?.textContent) {
  const initialState = JSON.parse(stateElement.textContent) as ConsentState;
  hydrateRoot(container, <Root initialState={initialState} />);
} else {
  createRoot(container).render(<Root />);
}
