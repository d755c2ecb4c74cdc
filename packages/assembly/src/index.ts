export { assemble, type Assembly, type AssemblyParts, type ExperienceModule } from './assemble.js';
export { startGuard, type Guard, type GuardOptions } from './guard.js';
export { startProof, whenIdle, type NoticeInput, type NoticeSource, type ProofHandle, type ProofModule } from './proof.js';
export { startExperience, type Experience, type ExperienceInput, type VendorPart } from './experience.js';
export { settle, type Maybe } from './maybe.js';
