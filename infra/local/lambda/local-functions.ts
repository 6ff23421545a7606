import type { Context } from 'aws-lambda';
import { handlerModule } from '../../function-entry-points.js';
import { functionTimeoutSeconds } from '../../function-timeouts.js';
import { lambdaContext } from './lambda-context.js';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** Runs a function of `functions/<group>/<folder>/` with an event, as Lambda's Invoke does. */
export interface FunctionInvoker {
  invoke(folder: string, event: unknown): Promise<unknown>;
}

/**
 * The context for one local invocation of `functions/<group>/<folder>/`: its remaining time starts at the
 * function's deployed timeout, from the table the stack reads, so a long step (a gather, carry-out)
 * is not cut short locally where AWS would let it finish.
 */
export function localContext(folder: string): Context {
  return lambdaContext(`dsr-${folder}`, functionTimeoutSeconds(folder) * 1000);
}

/**
 * Loads `functions/<group>/<folder>/handler.ts` — the same module Lambda runs — and invokes it with a
 * local context that has the function's deployed timeout. Modules are imported lazily, after
 * local mode has set the environment, because each handler parses its configuration at import
 * ("cold start").
 */
export class LocalFunctions implements FunctionInvoker {
  private readonly loaded = new Map<string, Promise<LambdaHandler>>();

  async invoke(folder: string, event: unknown): Promise<unknown> {
    const handler = await this.handler(folder);
    return handler(event, localContext(folder));
  }

  private handler(folder: string): Promise<LambdaHandler> {
    let pending = this.loaded.get(folder);
    if (!pending) {
      const url = new URL(`../../../${handlerModule(folder)}`, import.meta.url);
      pending = import(url.href).then((module: { handler?: LambdaHandler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${handlerModule(folder)} exports no handler`);
        return module.handler;
      });
      this.loaded.set(folder, pending);
    }
    return pending;
  }
}
