/**
 * Public API of the retention rules (bokføringsloven § 13). Import from here.
 *
 * @module
 */
export {
  ACCOUNTING_MATERIAL,
  RETENTION_MONTHS,
  fiscalYearEnd,
  isUnderRetention,
  retentionEnd,
} from './retention-rules.js';
export type { AccountingMaterial, RetentionCategory } from './retention-rules.js';
