export { scan, normalizeLink, SCHEMA_URL, VERSION, type ScanOptions, type ScanOutput, type Progress } from './scan.js';
export { main } from './cli.js';
export { writeOutputs, type WrittenFiles } from './output.js';
export { configSkeleton, gatedSnippets, gatedMarkupFile, type GatedSnippet } from './skeleton.js';
export { classifyName, classifyUrl, siteOf, LIFETIME_CEILING_DAYS } from './classify.js';
export { parseRobots } from './robots.js';
export { findBrowser, ScanError } from './browser.js';
export type * from './types.js';
