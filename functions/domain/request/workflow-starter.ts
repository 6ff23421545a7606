/** Starts the workflow for a stored request. Idempotent: the request id is the execution name. */
export interface WorkflowStarter {
  start(requestId: string): Promise<void>;
}

/** Delivers a staff decision to the workflow step waiting on the request. */
export interface TaskCallbacks {
  succeed(taskToken: string, output: unknown): Promise<void>;
  /** Ends the waiting step with a named error the state machine routes (e.g. a case closed by staff). */
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}
