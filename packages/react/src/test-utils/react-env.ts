// The app's React, re-exported for tests outside this package (test/one-assembly.test.ts), which
// cannot resolve `react` themselves: one copy of React for the provider and the test.
export { act, createElement } from 'react';
export { createRoot } from 'react-dom/client';
