// dist/chunks/proof.js: the proof client with the texts it hashes, independent of the UI file
// (a decision made through the API on a page whose UI failed to load is recorded too).
export { createProofClient } from '@consentry/proof';
export { getNoticeTexts } from '@consentry/ui';
