import type { RequestType } from '../../request/request-vocabulary.js';
import { compileCues, type CompiledCue } from './cue.js';
import { ACCESS_CUES } from './request-cues/access-cues.js';
import { CONSENT_WITHDRAWAL_CUES } from './request-cues/consent-withdrawal-cues.js';
import { ERASURE_CUES } from './request-cues/erasure-cues.js';
import { OBJECTION_CUES } from './request-cues/objection-cues.js';
import { PORTABILITY_CUES } from './request-cues/portability-cues.js';
import { RECTIFICATION_CUES } from './request-cues/rectification-cues.js';
import { RESTRICTION_CUES } from './request-cues/restriction-cues.js';

/** Every right's cues, compiled once. One table per right, in `request-cues/`. */
export const REQUEST_CUES: Readonly<Record<RequestType, readonly CompiledCue[]>> = {
  access: compileCues(ACCESS_CUES),
  rectification: compileCues(RECTIFICATION_CUES),
  erasure: compileCues(ERASURE_CUES),
  restriction: compileCues(RESTRICTION_CUES),
  portability: compileCues(PORTABILITY_CUES),
  objection: compileCues(OBJECTION_CUES),
  consent_withdrawal: compileCues(CONSENT_WITHDRAWAL_CUES),
  // The objection cues find both objections; `objectionTypes` tells them apart by purpose.
  processing_objection: [],
};
