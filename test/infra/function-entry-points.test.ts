import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINT_GROUPS, ENTRY_POINT_GROUP_NAMES, UnknownEntryPointError, entryPointGroup, handlerModule } from '../../infra/function-entry-points.js';
import { FUNCTION_DEFINITIONS, type FunctionDefinition } from '../../infra/stacks/dsr-functions.js';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';

const ROOT = new URL('../../', import.meta.url);
const definition = (name: string): FunctionDefinition => FUNCTION_DEFINITIONS[name as keyof typeof FUNCTION_DEFINITIONS];
const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** What infra says starts each function, as the group its entry point must sit in. */
function groupFromTrigger(name: string): string[] {
  const found: string[] = [];
  if (HTTP_ROUTES.some((route) => route.function === name)) found.push('http');
  if ((Object.values(WORKFLOW_FUNCTIONS) as string[]).includes(name)) found.push('workflow-steps');
  const fn = definition(name);
  if (fn.schedule !== undefined || fn.ownSchedule === true) found.push('schedule');
  if (fn.inbox === true || fn.mailEvents === true) found.push('mail');
  return found;
}

describe('entry points grouped by how they are invoked (infra/function-entry-points.ts)', () => {
  it('lists every function the stack can deploy exactly once', () => {
    const listed = Object.values(ENTRY_POINT_GROUPS).flat() as string[];

    expect(listed.length).toBe(new Set(listed).size);
    expect(sorted(listed)).toEqual(sorted(Object.keys(FUNCTION_DEFINITIONS)));
  });

  it.each(Object.keys(FUNCTION_DEFINITIONS))('puts %s in the group of the one trigger infra gives it', (name) => {
    expect(groupFromTrigger(name)).toEqual([entryPointGroup(name)]);
  });

  it('finds a handler.ts for every listed function, and no handler folder the table does not list', () => {
    const onDisk = ENTRY_POINT_GROUP_NAMES.flatMap((group) => {
      const folder = new URL(`functions/${group}/`, ROOT);
      return readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => ({ group, name: entry.name, hasHandler: existsSync(new URL(`functions/${group}/${entry.name}/handler.ts`, ROOT)) }));
    });

    expect(onDisk.filter((entry) => !entry.hasHandler)).toEqual([]);
    expect(sorted(onDisk.map((entry) => `${entry.group}/${entry.name}`))).toEqual(
      sorted(Object.entries(ENTRY_POINT_GROUPS).flatMap(([group, names]) => names.map((name) => `${group}/${name}`))),
    );
    expect(handlerModule('web-form')).toBe('functions/http/web-form/handler.ts');
  });

  it('refuses a name no group lists, naming the table to add it to', () => {
    expect(() => handlerModule('no-such-function')).toThrow(UnknownEntryPointError);
    expect(() => handlerModule('no-such-function')).toThrow(/ENTRY_POINT_GROUPS/);
  });
});
