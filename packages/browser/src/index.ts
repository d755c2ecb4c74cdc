export { createConsentryApi, autoInit, fileParts, type ConsentryApi, type ConsentryParts, type EventName } from './consentry.js';
