// What a refused submission tells the person, and beside which field: shared by the form
// and the API so both say the same thing.
import type { FieldIssue } from '../../core/validation.ts';
import type { SubmitVoiceError } from './services/submit-voice.ts';

export const SUBMIT_ERROR_ISSUES: Record<Exclude<SubmitVoiceError, 'sign-in-required'>, FieldIssue> = {
  'unknown-category': { field: 'category', messageKey: 'error.voice.unknownCategory', values: {} },
  'unknown-area': { field: 'area', messageKey: 'error.voice.unknownArea', values: {} },
  'outside-area': { field: 'latitude', messageKey: 'error.voice.outsideArea', values: {} },
  'outside-city': { field: 'latitude', messageKey: 'error.voice.outsideCity', values: {} },
  'consent-required': { field: 'consent', messageKey: 'error.assist.consent', values: {} },
};
