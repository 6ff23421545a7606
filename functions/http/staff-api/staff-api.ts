import { MANDATE_STATE_LABELS, MandateNotAcceptedError } from '../../domain/request/mandate-rules.js';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { mergeDuplicate } from '../../domain/case-actions/merge-duplicate.js';
import { mergeRefusal } from '../../web/merge-refusal.js';
import { staffProblem } from '../../web/staff-problems.js';
import { RecordCategorySchema, STAFF_KEEP_GROUNDS, type RecordCategory } from '../../domain/plan/action-plan.js';
import { correctPlan } from '../../domain/plan-corrections/correct-plan.js';
import { RequestNotFoundError } from '../../domain/request/request-errors.js';
import type { ObjectStore } from '../../domain/storage/object-store.js';
import { CorrectionSchema } from '../../domain/customer-data/correction-value.js';
import { isRequestId } from '../../domain/request/request-id.js';
import type { TaskCallbacks } from '../../domain/request/workflow-starter.js';
import { extendDeadline } from '../../domain/workflow/extend-deadline.js';
import { recordDecision } from '../../domain/workflow/record-decision.js';
import { liftRestriction, setRestriction } from '../../domain/restriction/restriction-actions.js';
import type { RestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import { RESTRICTION_GROUNDS, type RestrictionGround } from '../../domain/restriction/restriction.js';
import { proposedRestriction } from '../../domain/restriction/requested-restriction.js';
import type { WorkflowDeps } from '../../domain/workflow/workflow-deps.js';
import { json } from '../../web/responses.js';
import { checkCsrf, sameOriginPost, type SessionRevocations, type StaffTokenVerifier } from '../../domain/staff-auth/index.js';
import { staffGate } from '../../web/staff-gate.js';

export interface StaffApiDeps extends WorkflowDeps {
  /** The Art. 18 flag in the customer-data stores (lifting a restriction clears it). */
  readonly flags: RestrictionFlags;
  readonly callbacks: TaskCallbacks;
  /** The request-data bucket: plans and the data gathered for them (plan corrections). */
  readonly objects: ObjectStore;
  readonly today: () => string;
  readonly verifier: StaffTokenVerifier;
  /** The console's address; a cookie-carried change must come from its origin. */
  readonly publicBaseUrl?: string;
  /** Signed-out sessions, refused like an invalid token. */
  readonly revocations?: SessionRevocations;
}

const DecisionBody = z.strictObject({
  outcome: z.enum(['approved', 'rejected']),
  reason: z.optional(z.string().check(z.maxLength(2000))),
  corrections: z.optional(z.array(CorrectionSchema).check(z.maxLength(20))),
});
const ExtensionBody = z.strictObject({ reason: z.string().check(z.minLength(1), z.maxLength(2000)) });
/** Ground and scope; either may be left out to confirm what the requester chose (`requestedRestriction`). */
const RestrictionBody = z.strictObject({
  ground: z.optional(z.enum(RESTRICTION_GROUNDS, { error: 'Grunnlaget må være a, b, c eller d (personvernforordningen artikkel 18 nr. 1).' })),
  scope: z.optional(z.array(RecordCategorySchema, { error: 'Ukjent kategori.' }).check(z.minLength(1, 'Velg minst én kategori.'))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});
/** Merging this case (the duplicate) into `into`, which answers both; the rules are {@link mergeDuplicate}'s. */
const MergeBody = z.strictObject({
  into: z.string({ error: 'Oppgi referansen til saken denne skal slås sammen med.' }).check(z.minLength(1, 'Oppgi referansen til saken denne skal slås sammen med.'), z.maxLength(64)),
  reason: z.string({ error: 'Oppgi hvorfor sakene gjelder det samme.' }).check(z.maxLength(2000)),
  samePersonConfirmed: z.optional(z.boolean({ error: 'samePersonConfirmed må være true eller false.' })),
});
const LiftBody = z.strictObject({ reason: z.string().check(z.minLength(1, 'Oppgi en begrunnelse; den sendes til den registrerte.'), z.maxLength(2000)) });
/** A plan correction: ground and date are checked by the domain, so a missing one gets its own message. */
const PlanCorrectionBody = z.strictObject({
  action: z.enum(['keep', 'release'], { error: 'Velg keep (behold) eller release (frigi).' }),
  records: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1, 'Oppgi minst én oppføring.'), z.maxLength(5000)),
  ground: z.optional(z.enum(STAFF_KEEP_GROUNDS, { error: 'Grunnlaget må være legal_claim (rettskrav) eller bookkeeping (bokføring).' })),
  until: z.optional(z.string().check(z.maxLength(10))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

/** zod/mini carries no messages of its own: a field our schemas give no message for is explained in English ("Invalid input: expected string, received number"). */
const ENGLISH_MESSAGES = en().localeError;

const problem = (statusCode: number, message: string): APIGatewayProxyStructuredResultV2 => json(statusCode, { error: message });

/**
 * The ground and scope to set: what staff sent, and for what they left out, what the requester
 * chose (or what is set already); a part neither gives is a 400 naming the field.
 */
async function withRequestersChoice(
  deps: StaffApiDeps,
  requestId: string,
  body: z.infer<typeof RestrictionBody>,
): Promise<{ ground: RestrictionGround; scope: RecordCategory[]; note?: string } | APIGatewayProxyStructuredResultV2> {
  let { ground, scope } = body;
  if (ground === undefined || scope === undefined) {
    const request = await deps.store.get(requestId);
    if (!request) throw new RequestNotFoundError(requestId);
    const proposed = proposedRestriction(request);
    ground ??= proposed.ground;
    scope ??= proposed.scope && [...proposed.scope];
  }
  const missing = [
    ...(ground === undefined ? [{ field: 'ground', message: 'Den registrerte oppga ingen grunn; angi grunnlaget (a, b, c eller d).' }] : []),
    ...(scope === undefined ? [{ field: 'scope', message: 'Den registrerte valgte ingen kategorier; angi omfanget.' }] : []),
  ];
  if (ground === undefined || scope === undefined) return json(400, { errors: missing });
  return { ground, scope, ...(body.note !== undefined && { note: body.note }) };
}

function parseBody<T>(event: APIGatewayProxyEventV2, schema: z.ZodMiniType<T>): T | APIGatewayProxyStructuredResultV2 {
  let raw: unknown;
  try {
    raw = event.body ? JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : undefined;
  } catch {
    return problem(400, 'Body må være JSON.');
  }
  const parsed = schema.safeParse(raw, { error: ENGLISH_MESSAGES });
  if (!parsed.success) {
    return json(400, { errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })) });
  }
  return parsed.data;
}

const isResponse = (value: unknown): value is APIGatewayProxyStructuredResultV2 =>
  typeof value === 'object' && value !== null && 'statusCode' in value;

/**
 * The staff JSON API the console uses: read a request with its audit trail, decide on it, extend
 * its deadline, correct an erasure plan before approval (`POST …/plan`: keep records on a
 * ground until a date, or release a hold), set or lift a restriction, and merge a duplicate into
 * the case that answers both (`POST …/merge`, the console's rules: {@link mergeDuplicate}). Callers present a staff token (Bearer, or the console's session cookie plus
 * an `x-csrf-token` header); every change records the signed-in staff member; messages are Norwegian.
 */
export async function serveStaffApi(deps: StaffApiDeps, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const gate = await staffGate(deps.verifier, event, deps.revocations);
  if (!gate.ok) {
    return gate.status === 401
      ? problem(401, 'Du må være logget inn som saksbehandler.')
      : problem(403, 'Du har ikke tilgang til dette.');
  }
  const { actor } = gate.caller;
  // A browser sends the session cookie by itself; a change made with it must also carry the
  // session's CSRF token, so another page cannot make the browser post here.
  // The Origin is checked too, as the console checks it: a token leaked to another page is not enough.
  if (event.requestContext.http.method !== 'GET' && gate.caller.viaCookie) {
    if (!sameOriginPost(event.headers, deps.publicBaseUrl ?? `https://${event.requestContext.domainName}`)) {
      return problem(403, 'Endringen kom fra en annen side og ble ikke utført.');
    }
    if (!checkCsrf(gate.caller.token, event.headers['x-csrf-token'])) return problem(403, 'Mangler gyldig CSRF-token.');
  }
  const requestId = event.pathParameters?.id ?? '';
  // Anything that cannot be a reference is no case; it never reaches the table (whose key has a size limit).
  if (!isRequestId(requestId)) return problem(404, 'Fant ingen henvendelse med den referansen.');
  try {
    switch (event.routeKey) {
      case 'GET /api/staff/requests/{id}': {
        const request = await deps.store.get(requestId);
        if (!request) return problem(404, `Fant ingen henvendelse ${requestId}.`);
        return json(200, { request, auditTrail: await deps.store.auditTrail(requestId) });
      }
      case 'POST /api/staff/requests/{id}/decision': {
        const body = parseBody(event, DecisionBody);
        if (isResponse(body)) return body;
        const result = await recordDecision(deps, { requestId, actor, ...body });
        return json(result.awaitingSecondApprover ? 202 : 200, result);
      }
      case 'POST /api/staff/requests/{id}/extension': {
        const body = parseBody(event, ExtensionBody);
        if (isResponse(body)) return body;
        return json(200, await extendDeadline(deps, { requestId, actor, reason: body.reason, today: deps.today() }));
      }
      case 'POST /api/staff/requests/{id}/plan': {
        const body = parseBody(event, PlanCorrectionBody);
        if (isResponse(body)) return body;
        return json(200, await correctPlan(deps, { requestId, actor, ...body, today: deps.today() }));
      }
      case 'POST /api/staff/requests/{id}/restriction': {
        const body = parseBody(event, RestrictionBody);
        if (isResponse(body)) return body;
        const confirmed = await withRequestersChoice(deps, requestId, body);
        if (isResponse(confirmed)) return confirmed;
        return json(200, await setRestriction(deps, { requestId, actor, ...confirmed, today: deps.today() }));
      }
      case 'POST /api/staff/requests/{id}/restriction/lift': {
        const body = parseBody(event, LiftBody);
        if (isResponse(body)) return body;
        return json(200, await liftRestriction(deps, { requestId, actor, reason: body.reason }));
      }
      case 'POST /api/staff/requests/{id}/merge': {
        const body = parseBody(event, MergeBody);
        if (isResponse(body)) return body;
        const into = body.into.trim();
        try {
          const result = await mergeDuplicate(deps, { requestId, intoId: into, actor, reason: body.reason, samePersonConfirmed: body.samePersonConfirmed });
          const merged = await deps.store.get(into);
          return json(200, { requestId, mergedInto: into, ...result, ...(merged && { types: merged.types, receivedAt: merged.receivedAt, dueDate: merged.dueDate }) });
        } catch (error) {
          const refused = mergeRefusal(error, into);
          if (refused) return json(refused.statusCode, { error: refused.message, field: refused.field === 'samePerson' ? 'samePersonConfirmed' : refused.field });
          throw error;
        }
      }
      default:
        return problem(404, 'Ukjent rute.');
    }
  } catch (error) {
    const refused = staffProblem(error);
    if (refused) return json(refused.statusCode, { error: refused.message, ...(refused.field && { field: refused.field }) });
    throw error;
  }
}
