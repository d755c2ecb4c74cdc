export { createConsentryApi, autoInit, fileParts, type ConsentryApi, type ConsentryParts, type EventName } from './consentry.js';
export { compileConfig, bakeGuard, COMPILED_FORMAT, BAKE_MARKER, type CompiledConfig } from './compile.js';
