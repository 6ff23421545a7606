import type { SuppressionEntry, SuppressionList } from '../../functions/domain/marketing-stop/suppression-list.js';
import {
  ProcessingPurposeStateSchema,
  type ObjectablePurpose,
  type ProcessingPurposeState,
  type ProcessingPurposeStore,
} from '../../functions/domain/processing-objection/processing-purpose-store.js';

/** The suppression list in memory: the first entry per key stays, as in the DynamoDB adapter. */
export class InMemorySuppressionList implements SuppressionList {
  readonly entries = new Map<string, SuppressionEntry>();

  async add(entry: SuppressionEntry): Promise<void> {
    if (!this.entries.has(entry.key)) this.entries.set(entry.key, { ...entry });
  }

  async has(key: string): Promise<boolean> {
    return this.entries.has(key);
  }
}

/** Per-customer purpose states in memory, validated like the DynamoDB adapter validates them. */
export class InMemoryProcessingPurposeStore implements ProcessingPurposeStore {
  readonly states = new Map<string, ProcessingPurposeState>();

  async get(customerId: string, purpose: ObjectablePurpose): Promise<ProcessingPurposeState | undefined> {
    const state = this.states.get(`${customerId}/${purpose}`);
    return state ? { ...state } : undefined;
  }

  async put(state: ProcessingPurposeState): Promise<void> {
    const record = ProcessingPurposeStateSchema.parse(state);
    this.states.set(`${record.customerId}/${record.purpose}`, record);
  }
}
