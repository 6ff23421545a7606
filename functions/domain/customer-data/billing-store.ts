import type { Invoice, Page, Payment } from './customer-records.js';

/** The billing store: invoices and payments per customer, newest first, paginated. */
export interface BillingStore {
  invoices(customerId: string, cursor?: string): Promise<Page<Invoice>>;
  payments(customerId: string, cursor?: string): Promise<Page<Payment>>;
  /** Art. 18: storage only; held accounting records stay but are excluded from other use. */
  setRestricted(customerId: string, restricted: boolean): Promise<void>;
  deleteInvoices(customerId: string, invoiceNos: readonly string[]): Promise<number>;
  deletePayments(customerId: string, paymentIds: readonly string[]): Promise<number>;
}
