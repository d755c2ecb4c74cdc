// Stage 2 as a file of its own (dist/chunks/experience.js): vendor loaders, banner, dialog, Preact.
export { stage2 } from '@consentry/assembly';
