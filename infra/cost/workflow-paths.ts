/**
 * The states an execution of the rights-request workflow enters along each path, read from the
 * ASL itself: what Step Functions bills (state transitions) and which functions it invokes.
 *
 * @module
 */

/** The parts of an ASL state the walk reads. */
export interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly { readonly Next: string }[];
  readonly Catch?: readonly { readonly ErrorEquals: readonly string[]; readonly Next: string }[];
  readonly Branches?: readonly AslMachine[];
  readonly Resource?: string;
  readonly Parameters?: { readonly FunctionName?: string };
}

/** A state machine (or a Parallel branch). */
export interface AslMachine {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
}

/**
 * Where a path leaves a state other than by `Next`: the chosen target of a Choice, or the Catch
 * target a Task is left by (e.g. a wait that timed out).
 */
export type PathPicks = Readonly<Record<string, string>>;

/** A path a request can take, for the cost model. */
export interface WorkflowPath {
  readonly label: string;
  readonly picks: PathPicks;
}

/** The branches an ordinary request passes by: no marketing stop, no Art. 21(1) assessment. */
const NO_SIDE_PATHS = { StopsMarketing: 'StartVerification', AssessesObjection: 'AwaitDecision', LiftsRestriction: 'CloseRequest' } as const;

/**
 * The paths a request takes to its end. Only the branch points are named here; the states in
 * between, and so the counts, come from the definition.
 */
export const WORKFLOW_PATHS = {
  answered: {
    label: 'verified by code, approved, carried out, answered',
    picks: { ...NO_SIDE_PATHS, IsAlreadyVerified: 'AwaitVerification', DecisionOutcome: 'CarryOut' },
  },
  refused: {
    label: 'verified by code, refused with reasons',
    picks: { ...NO_SIDE_PATHS, IsAlreadyVerified: 'AwaitVerification', DecisionOutcome: 'SendRefusal' },
  },
  answeredAfterReminder: {
    label: 'verified after the reminder, approved, answered',
    picks: { ...NO_SIDE_PATHS, IsAlreadyVerified: 'AwaitVerification', AwaitVerification: 'SendVerificationReminder', DecisionOutcome: 'CarryOut' },
  },
  marketingStopped: {
    label: 'marketing stop only: effective at once, confirmed, closed',
    picks: { StopsMarketing: 'StopMarketing', HasOtherRights: 'MarketingStopped' },
  },
  objectionAssessed: {
    label: 'Art. 21(1) objection: restricted while assessed, overridden, lifted after the letter',
    picks: {
      StopsMarketing: 'StartVerification',
      IsAlreadyVerified: 'AwaitVerification',
      AssessesObjection: 'RestrictWhileAssessing',
      DecisionOutcome: 'SendRefusal',
      LiftsRestriction: 'LiftObjectionRestriction',
    },
  },
  unverified: {
    label: 'never verified: reminder, then closed with a letter',
    picks: {
      StopsMarketing: 'StartVerification',
      IsAlreadyVerified: 'AwaitVerification',
      AwaitVerification: 'SendVerificationReminder',
      AwaitVerificationAfterReminder: 'CloseUnverified',
    },
  },
} as const satisfies Readonly<Record<string, WorkflowPath>>;

export type WorkflowPathName = keyof typeof WORKFLOW_PATHS;

/** Raised when a pick names no way out of its state, or a Choice has no pick. */
export class InvalidPathError extends Error {
  override readonly name = 'InvalidPathError';
}

const MAX_STATES = 500;

/**
 * The states entered, in order, from `StartAt` to a terminal state; a Parallel's branch states
 * follow it, branch by branch (as the local executor records them). Retries are not counted.
 *
 * @throws InvalidPathError when a Choice has no pick or a pick is not a way out of its state
 */
export function walkPath(machine: AslMachine, picks: PathPicks): string[] {
  const entered: string[] = [];
  let name: string | undefined = machine.StartAt;
  while (name !== undefined) {
    const state: AslState | undefined = machine.States[name];
    if (state === undefined) throw new InvalidPathError(`no state ${name}`);
    entered.push(name);
    if (entered.length > MAX_STATES) throw new InvalidPathError('the path does not end (a loop without a pick out)');
    for (const branch of state.Branches ?? []) entered.push(...walkPath(branch, picks));
    name = nextState(name, state, picks[name]);
  }
  return entered;
}

function nextState(name: string, state: AslState, pick: string | undefined): string | undefined {
  if (state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true) return undefined;
  const exits = [state.Next, state.Default, ...(state.Choices ?? []).map((choice) => choice.Next), ...(state.Catch ?? []).map((c) => c.Next)];
  if (pick !== undefined) {
    if (!exits.includes(pick)) throw new InvalidPathError(`${name} has no way out to ${pick}`);
    return pick;
  }
  if (state.Type === 'Choice') throw new InvalidPathError(`the path must pick where Choice ${name} goes`);
  return state.Next;
}

/** The `${...}` substitution each Lambda task of the path invokes, in order. */
export function invokedSubstitutions(machine: AslMachine, states: readonly string[]): string[] {
  const all = allStates(machine);
  return states.flatMap((name) => {
    const state = all.get(name);
    const substitution = /^\$\{(\w+)\}$/.exec(state?.Parameters?.FunctionName ?? '')?.[1];
    return state?.Type === 'Task' && state.Resource?.startsWith('arn:aws:states:::lambda:invoke') && substitution ? [substitution] : [];
  });
}

function allStates(machine: AslMachine): Map<string, AslState> {
  const states = new Map<string, AslState>();
  for (const [name, state] of Object.entries(machine.States)) {
    states.set(name, state);
    for (const branch of state.Branches ?? []) for (const [inner, innerState] of allStates(branch)) states.set(inner, innerState);
  }
  return states;
}
