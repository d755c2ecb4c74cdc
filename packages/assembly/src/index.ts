// The door: everything a shell (script tag, React, Vue, Svelte, a plain npm app) needs.
export { createConsentry, closedConsentry, catalogIndex, type Consentry, type ConsentryFiles, type ConsentryOptions, type GrantTarget } from './door.js';
export { stage2 } from './experience.js';
// How a config is read: the drop-in script tag's reader, the reader contract a compiled guard
// implements, and the build step's check against the whole catalog (consentry-build, the server).
export { indexReader, INERT_CONFIG, type Boot, type ConfigReader } from './readers.js';
export { catalogBoot } from './catalog-boot.js';
// A request's state from its Cookie header, for a server render that matches the client (no flash).
export { readConsent } from '@consentry/core';
export type { VendorTextLanguage, VendorTexts } from './vendor-texts.js';
export type { ExperienceModule } from './assemble.js';
export type { ProofModule } from './proof.js';
// The types a shell's own API is written in, so a shell needs no other package.
export type { Category, ChoiceUpdate, Choices, Consent, ConsentConfig, ConsentEvent, ConsentOptions, ConsentState, DecisionMeta, ResolvedConfig } from '@consentry/core';
export type { UIOptions } from '@consentry/ui';
export type { VendorDefinition, CompactCatalog } from '@consentry/vendors';
export type { VendorRule } from '@consentry/blocker';
