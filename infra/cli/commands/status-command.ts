import type { RequestStore } from '../../../functions/domain/request/request-store.js';
import { CommandError } from '../cli-errors.js';

/** `dsr status <id>`: the stored request with its audit trail, as JSON. */
export async function statusCommand(store: RequestStore, id: string): Promise<string> {
  const request = await store.get(id);
  if (!request) throw new CommandError(`no request with id ${id}`);
  const auditTrail = await store.auditTrail(id);
  return JSON.stringify({ ...request, auditTrail }, null, 2);
}
