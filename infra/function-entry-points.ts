/**
 * Where the handler of each deployable function lives: `functions/<group>/<name>/handler.ts`, the
 * group saying how the function is invoked — `http` (routes of the HTTP API, `HTTP_ROUTES`),
 * `workflow-steps` (tasks of the workflow, `WORKFLOW_FUNCTIONS`), `schedule` (timers) and `mail`
 * (SES: received mail, bounce and complaint events). The stack, the local runtime and the bundle
 * benchmark find handlers through this one table; `test/infra/function-entry-points.test.ts` holds
 * each group to the function's trigger in `infra/stacks/dsr-functions.ts` and to the folders on disk.
 *
 * A function keeps its name (`web-form`) everywhere else: routes, workflow substitutions, timeouts,
 * construct ids and the Powertools service name do not change when a function changes group.
 */
export const ENTRY_POINT_GROUPS = {
  http: ['web-form', 'create-request', 'verify-page', 'download-page', 'staff-api', 'console-queue', 'console-case', 'console-case-actions', 'console-mail'],
  'workflow-steps': ['acknowledge', 'stop-marketing', 'restrict-processing', 'start-verification', 'await-verification', 'send-verification-reminder', 'close-unverified', 'gather-subscriptions', 'gather-billing', 'gather-access-log', 'plan-request', 'await-decision', 'read-decision', 'carry-out', 'notify-recipients', 'send-reply', 'close-request', 'flag-needs-attention'],
  schedule: ['watch-deadlines', 'purge-exports'],
  mail: ['email-intake', 'mail-events'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** How a function is invoked: the folder under `functions/` that holds its entry point. */
export type EntryPointGroup = keyof typeof ENTRY_POINT_GROUPS;

/** The groups, in the order of {@link ENTRY_POINT_GROUPS}. */
export const ENTRY_POINT_GROUP_NAMES = Object.keys(ENTRY_POINT_GROUPS) as EntryPointGroup[];

/** Raised for a function name no group lists. */
export class UnknownEntryPointError extends Error {
  override readonly name = 'UnknownEntryPointError';
}

/**
 * The group of a function, by name.
 *
 * @throws UnknownEntryPointError when no group lists the name
 */
export function entryPointGroup(name: string): EntryPointGroup {
  const group = ENTRY_POINT_GROUP_NAMES.find((candidate) => (ENTRY_POINT_GROUPS[candidate] as readonly string[]).includes(name));
  if (group === undefined) {
    throw new UnknownEntryPointError(`No entry-point group lists "${name}": add it to ENTRY_POINT_GROUPS in infra/function-entry-points.ts`);
  }
  return group;
}

/** The handler module of a function, repository-relative, e.g. `functions/http/web-form/handler.ts`. */
export const handlerModule = (name: string): string => `functions/${entryPointGroup(name)}/${name}/handler.ts`;
