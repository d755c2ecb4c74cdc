export { createConsentryApi, autoInit, type ConsentryApi, type EventName } from './consentry.js';
