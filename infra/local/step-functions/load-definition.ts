import { readFileSync } from 'node:fs';
import { WORKFLOW_FUNCTIONS, type WorkflowSubstitution } from '../../../functions/workflow-steps/workflow-functions.js';

/**
 * The ASL file CDK deploys. The local runtime executes this very file so local runs cannot drift
 * from production; only the `${...}` resource placeholders are filled in differently.
 */
export const WORKFLOW_DEFINITION_URL = new URL('../../../statemachines/rights-request.asl.json', import.meta.url);

/** Account and region baked into local ARNs; they only need to look like AWS's. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'eu-north-1';

/** The parsed ASL definition, as far as the local runtime needs to know its shape. */
export interface AslDefinition {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
  Comment?: string;
  [field: string]: unknown;
}

/**
 * Raised when substitutions and placeholders do not line up. Fails loudly because a silently
 * unfilled `${...}` would only show up later as a confusing "function not found" mid-execution.
 */
export class DefinitionSubstitutionError extends Error {
  override readonly name = 'DefinitionSubstitutionError';
  constructor(
    message: string,
    readonly unresolved: readonly string[],
    readonly unused: readonly string[],
  ) {
    super(message);
  }
}

const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * Reads the workflow ASL and fills in every `${Name}`, the same text substitution CDK's
 * `definitionSubstitutions` performs, so the result is what AWS would run.
 *
 * @throws DefinitionSubstitutionError if a placeholder has no substitution or a substitution is unused.
 */
export function loadWorkflowDefinition(substitutions: Record<string, string>): AslDefinition {
  const text = readFileSync(WORKFLOW_DEFINITION_URL, 'utf8');
  return substituteDefinition(JSON.parse(text) as unknown, substitutions);
}

/**
 * Fills `${Name}` placeholders in every string (keys included) of an already parsed definition.
 * Works on parsed JSON rather than raw text so a value containing quotes cannot corrupt the document.
 *
 * @throws DefinitionSubstitutionError if a placeholder has no substitution or a substitution is unused.
 */
export function substituteDefinition(definition: unknown, substitutions: Record<string, string>): AslDefinition {
  const used = new Set<string>();
  const unresolved = new Set<string>();
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = Object.hasOwn(substitutions, name) ? substitutions[name] : undefined;
      if (value === undefined) {
        unresolved.add(placeholder);
        return placeholder;
      }
      used.add(name);
      return value;
    });
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return fill(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [fill(key), walk(inner)]));
    }
    return value;
  };
  const result = walk(definition);
  const unused = Object.keys(substitutions).filter((name) => !used.has(name));
  if (unresolved.size > 0 || unused.length > 0) {
    const problems = [
      unresolved.size > 0 ? `unresolved placeholders: ${[...unresolved].join(', ')}` : '',
      unused.length > 0 ? `unused substitutions: ${unused.join(', ')}` : '',
    ].filter(Boolean);
    throw new DefinitionSubstitutionError(
      `State machine definition substitutions do not match (${problems.join('; ')})`,
      [...unresolved],
      unused,
    );
  }
  if (!isAslDefinition(result)) {
    throw new DefinitionSubstitutionError('State machine definition lacks StartAt or States', [], []);
  }
  return result;
}

/** Narrows parsed JSON to the minimal ASL shape (the library validates the rest). */
export function isAslDefinition(value: unknown): value is AslDefinition {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.StartAt === 'string' &&
    candidate.States !== null &&
    typeof candidate.States === 'object' &&
    !Array.isArray(candidate.States)
  );
}

/**
 * The ARN the local runtime gives the function served from `functions/<group>/<folder>/handler.ts`.
 * The `dsr-` prefix mirrors the deployed function names, so logs read the same locally.
 */
export function localFunctionArn(folder: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:dsr-${folder}`;
}

/** The local state machine ARN application code is configured with (STATE_MACHINE_ARN). */
export function localStateMachineArn(name = 'dsr-rights-request'): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:${name}`;
}

/**
 * Substitutions for every workflow function, derived from the same table CDK uses, so adding a
 * function to the workflow cannot be forgotten locally (an unfilled placeholder fails loudly).
 */
export function localSubstitutions(): Record<WorkflowSubstitution, string> {
  const entries = Object.entries(WORKFLOW_FUNCTIONS).map(([name, folder]) => [name, localFunctionArn(folder)]);
  return Object.fromEntries(entries) as Record<WorkflowSubstitution, string>;
}
