import { ConcurrentChangeError } from '../../../functions/domain/request/request-errors.js';
import {
  VerificationRecordSchema,
  type VerificationRecord,
  type VerificationRecordData,
} from '../../../functions/domain/verification/verification-record.js';
import type { VerificationStore } from '../../../functions/domain/verification/verification-store.js';

/**
 * In-memory {@link VerificationStore} with the DynamoDB adapter's semantics: `save` succeeds only
 * at the expected version (`undefined`: only when no record exists), else `ConcurrentChangeError`;
 * records are validated and deep-copied both ways, so a caller never holds a stored object.
 */
export class InMemoryVerificationStore implements VerificationStore {
  private readonly records = new Map<string, string>();
  /** Every record written, as JSON text, in order: for asserting what was stored. */
  readonly writes: string[] = [];

  async get(requestId: string): Promise<VerificationRecord | undefined> {
    return this.read(requestId);
  }

  /** Checks and writes without yielding, so the condition holds as it does in one DynamoDB write. */
  async save(data: VerificationRecordData, expectedVersion: number | undefined): Promise<VerificationRecord> {
    const current = this.read(data.requestId);
    if (current?.version !== expectedVersion) throw new ConcurrentChangeError(data.requestId);
    const record = VerificationRecordSchema.parse({ ...data, version: expectedVersion === undefined ? 0 : expectedVersion + 1 });
    const text = JSON.stringify(record);
    this.records.set(data.requestId, text);
    this.writes.push(text);
    return VerificationRecordSchema.parse(JSON.parse(text));
  }

  private read(requestId: string): VerificationRecord | undefined {
    const text = this.records.get(requestId);
    return text === undefined ? undefined : VerificationRecordSchema.parse(JSON.parse(text));
  }

  /** Removes a record, as the table's TTL eventually does. */
  forget(requestId: string): void {
    this.records.delete(requestId);
  }
}
