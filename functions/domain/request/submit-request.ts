import { createHash } from 'node:crypto';
import type { Logger } from '../../platform/logger.js';
import { IdempotencyKeyReusedError } from './request-errors.js';
import type { RequestStore } from './request-store.js';
import type { RequestSubmission } from './request-submission.js';
import { RECEIVED, type Channel } from './request-vocabulary.js';
import type { AuditEntry, RightsRequest } from './rights-request.js';
import type { WorkflowStarter } from './workflow-starter.js';

export interface SubmitRequestDeps {
  readonly store: RequestStore;
  readonly workflow: WorkflowStarter;
  readonly now: () => Date;
  /** Formats the receipt instant with its Oslo offset. */
  readonly formatInstant: (instant: Date) => string;
  readonly receiptDate: (receivedAt: string) => string;
  readonly dueDate: (receivedAt: string) => string;
  readonly newId: (receiptDate: string) => string;
  readonly logger: Logger;
}

export interface SubmitRequestInput {
  readonly submission: RequestSubmission;
  readonly channel: Channel;
  /** When the request reached us; defaults to now (web form). Staff give the original time. */
  readonly receivedAt?: string;
  readonly idempotencyKey?: string;
  /** Who registered it: `requester` for self-service, `staff:<id>` for phone and post. */
  readonly actor: string;
}

export interface SubmitRequestResult {
  readonly id: string;
  readonly dueDate: string;
  readonly created: boolean;
}

/** How long an Idempotency-Key is remembered: long enough for any client retry. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Stores a new rights request once and starts its workflow. A repeated Idempotency-Key returns
 * the first request; starting the workflow is idempotent too, so a retry after a failed start
 * starts it, and a retry after success changes nothing.
 */
export async function submitRequest(deps: SubmitRequestDeps, input: SubmitRequestInput): Promise<SubmitRequestResult> {
  const now = deps.now();
  const receivedAt = input.receivedAt ?? deps.formatInstant(now);
  const receiptDate = deps.receiptDate(receivedAt);
  const dueDate = deps.dueDate(receivedAt);
  const { submission } = input;
  const request: RightsRequest = {
    id: deps.newId(receiptDate),
    channel: input.channel,
    types: submission.types,
    receivedAt,
    receiptDate,
    dueDate,
    extended: false,
    requester: {
      name: submission.name,
      ...(submission.email !== undefined ? { email: submission.email } : {}),
      ...(submission.phone !== undefined ? { phone: submission.phone } : {}),
      ...(submission.postalAddress !== undefined ? { postalAddress: submission.postalAddress } : {}),
    },
    language: submission.language,
    details: submission.details,
    ...(submission.restriction && { requestedRestriction: submission.restriction }),
    ...(submission.representative && { representative: submission.representative }),
    status: RECEIVED.status,
    version: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    mailsSent: {},
  };
  const audit: AuditEntry = {
    requestId: request.id,
    at: now.toISOString(),
    event: RECEIVED.audit,
    toStatus: RECEIVED.status,
    actor: input.actor,
    detail: {
      channel: input.channel,
      types: submission.types,
      receivedAt,
      // Codes only (a ground letter and category names): what the person chose, for the trail.
      ...(submission.restriction && { requestedRestriction: submission.restriction }),
      // The relation only (a code): who the representative is stays on the request, not in the trail.
      ...(submission.representative && { representative: submission.representative.relation }),
    },
  };
  const bodyHash = sha256(JSON.stringify({ channel: input.channel, receivedAt: input.receivedAt, ...submission }));
  const idempotency = input.idempotencyKey
    ? {
        keyHash: sha256(`${input.channel}:${input.idempotencyKey}`),
        bodyHash,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      }
    : undefined;

  const outcome = await deps.store.create(request, audit, idempotency);
  if (!outcome.created) {
    if (outcome.bodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
    const existing = await deps.store.get(outcome.existingRequestId);
    if (!existing) throw new Error('idempotency record points at a missing request');
    await startQuietly(deps, existing.id);
    return { id: existing.id, dueDate: existing.dueDate, created: false };
  }
  deps.logger.info('request.created', { requestId: request.id, channel: input.channel, types: submission.types.length });
  await startQuietly(deps, request.id);
  return { id: request.id, dueDate, created: true };
}

/**
 * The request is safely stored before the workflow starts; if the start fails, the re-drive job
 * starts it later, so the requester still gets their receipt now.
 */
async function startQuietly(deps: SubmitRequestDeps, requestId: string): Promise<void> {
  try {
    await deps.workflow.start(requestId);
  } catch (error) {
    deps.logger.error('workflow.start_failed', { requestId, error: error instanceof Error ? error.name : 'unknown' });
  }
}
