import type { Logger } from '../../platform/logger.js';
import type { Mailer } from '../mail/mailer.js';
import type { RequestStore } from '../request/request-store.js';

/** What the workflow's steps need; handlers build it from config and adapters. */
export interface WorkflowDeps {
  readonly store: RequestStore;
  readonly mailer: Mailer;
  readonly now: () => Date;
  readonly logger: Logger;
}


/** The store-only part of the steps' dependencies; it lives with the request store (`request/`). */
export type { StoreDeps } from '../request/request-store.js';
