/** @jsxImportSource react */
import type { ConsentState } from '@consentry/core';
import { ConsentProvider } from '@consentry/react';
import { StrictMode } from 'react';
import { App } from './app';
import { consentConfig } from './consent-config';

/** The whole page; the server and the client render exactly this, with the same initialState. */
export function Root({ initialState }: { initialState?: ConsentState | undefined }) {
  return (
    <StrictMode>
      <ConsentProvider config={consentConfig} {...(initialState ? { initialState } : {})}>
        <App />
      </ConsentProvider>
    </StrictMode>
  );
}
