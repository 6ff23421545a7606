import type { RecordCategory } from './customer-records.js';
import type { Address, Invoice, InvoiceBuyer, Page, Payment } from './customer-records.js';

/** The billing store: invoices and payments per customer, newest first, paginated. */
export interface BillingStore {
  invoices(customerId: string, cursor?: string): Promise<Page<Invoice>>;
  /**
   * Invoices kept with their buyer written onto them (the profile erased), whose buyer has this
   * postal address, through the buyer-address GSI: customer id and buyer only.
   */
  invoicesByBuyerAddress(address: Address): Promise<{ readonly customerId: string; readonly buyer: InvoiceBuyer }[]>;
  payments(customerId: string, cursor?: string): Promise<Page<Payment>>;
  /** Art. 18: storage only; held accounting records stay but are excluded from other use. `categories` limits it to invoices or payments. */
  setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void>;
  /**
   * Writes the buyer's name and address onto these invoices of the customer (an invoice kept under
   * bokføringsloven § 13 must still show them when the profile is erased). Invoices no longer
   * held are skipped; writing the same buyer again changes nothing. Returns how many were written.
   */
  recordBuyer(customerId: string, invoiceNos: readonly string[], buyer: InvoiceBuyer): Promise<number>;
  deleteInvoices(customerId: string, invoiceNos: readonly string[]): Promise<number>;
  deletePayments(customerId: string, paymentIds: readonly string[]): Promise<number>;
}
