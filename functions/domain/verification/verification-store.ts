import type { VerificationRecord, VerificationRecordData } from './verification-record.js';

/**
 * Where verification records live (the requests table, sk `VERIFICATION`; the DynamoDB adapter
 * implements it). Writes are optimistic: a writer that lost a race gets `ConcurrentChangeError`
 * and must re-read, so two tries can never both count as the fifth.
 */
export interface VerificationStore {
  get(requestId: string): Promise<VerificationRecord | undefined>;
  /**
   * Writes the record if the stored one is still at `expectedVersion` (`undefined`: only if there
   * is none yet) and returns it with its new version.
   *
   * @throws ConcurrentChangeError when another writer got there first
   */
  save(record: VerificationRecordData, expectedVersion: number | undefined): Promise<VerificationRecord>;
}
