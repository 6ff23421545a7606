import type { CustomerStore } from '../customer-data/customer-store.js';
import type { TaskCallbacks } from '../request/workflow-starter.js';
import type { WorkflowDeps } from '../workflow/workflow-deps.js';
import type { StoreDeps } from '../request/request-store.js';
import type { VerificationStore } from './verification-store.js';

/** The lookups verification needs from the subscription store (by contact detail, then profile). */
export type CustomerLookup = Pick<CustomerStore, 'findByEmail' | 'findByPhone' | 'getProfile'>;

/** What the steps that send codes need; handlers build it from config and adapters. */
export interface CodeSendingDeps extends WorkflowDeps {
  readonly customers: CustomerLookup;
  readonly verifications: VerificationStore;
  /** `https://personvern.example.no` (no trailing slash); the code mail's link is relative when unset. */
  readonly publicBaseUrl?: string;
  /** Makes a code; `generateCode` from one-time-code.ts unless a test fixes it. */
  readonly generateCode?: () => string;
}

/** What resuming the waiting workflow needs. */
export interface ResumeDeps extends StoreDeps {
  readonly callbacks: TaskCallbacks;
}

/** Everything the verify page and the staff verification need. */
export type VerificationDeps = CodeSendingDeps & ResumeDeps;
