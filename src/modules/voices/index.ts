// The voices module's public face: what other modules and the CLI may use.
export { voicesModule } from './module.ts';
export { submitVoice, type SubmitVoiceError, type SubmittedVoice } from './services/submit-voice.ts';
export { publishVoice } from './services/publish-voice.ts';
export { hideVoice } from './services/hide-voice.ts';
export { replyToVoice } from './services/reply-to-voice.ts';
export { changeVoiceStatus } from './services/change-voice-status.ts';
export { mergeVoices } from './services/merge-voices.ts';
export { supportVoice } from './services/support-voice.ts';
export { createPriority } from './services/create-priority.ts';
export { addVoiceToPriority } from './services/add-voice-to-priority.ts';
export { createCategory } from './services/create-category.ts';
export { createArea } from './services/create-area.ts';
export { STATUSES, canMoveStatus, type VoiceStatus } from './status.ts';
export { VoiceInput, type Demographics } from './schemas.ts';
export type { AreaBoundary } from './schema.ts';
export { USSD_HOOK_PATH, hookToken } from './routes/ussd.ts';
export { TEXT_HOOK_PATH } from './routes/texts.ts';
export { issuePartnerKey, listPartnerKeys, revokePartnerKey } from './services/issue-partner-key.ts';
