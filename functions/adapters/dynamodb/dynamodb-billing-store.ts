import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RecordCategory } from '../../domain/plan/action-plan.js';
import type { BillingStore } from '../../domain/customer-data/billing-store.js';
import {
  InvoiceSchema,
  PaymentSchema,
  type Address,
  type Invoice,
  type InvoiceBuyer,
  type Page,
  type Payment,
} from '../../domain/customer-data/customer-records.js';
import {
  CUSTOMER_DATA_TABLES_LAYOUT,
  PAGE_SIZES,
  SK_PREFIX,
  addressLookupKey,
  customerIdOf,
  itemsFor,
  ttlEpochSeconds,
  type CustomerDataRecordsInput,
} from './customer-data-tables-layout.js';
import { CustomerPartitions, documentClient } from './dynamodb-customer-store.js';

/**
 * DynamoDB adapter of {@link BillingStore}: invoices (`INVOICE#<issuedOn>#<no>`) and payments
 * (`PAYMENT#<paidOn>#<id>`) in the customer's partition, newest first by reverse key query.
 * Restriction and reads leave `deleteAfter` (the table's TTL attribute) as it is, so a held
 * record still expires when its retention ends.
 */
export class DynamoDbBillingStore implements BillingStore {
  private readonly partitions: CustomerPartitions;

  constructor(client: DynamoDBClient, tableName: string) {
    this.partitions = new CustomerPartitions(documentClient(client), tableName);
  }

  async invoices(customerId: string, cursor?: string): Promise<Page<Invoice>> {
    const { items, next } = await this.partitions.page(customerId, SK_PREFIX.invoice, cursor, PAGE_SIZES.invoices);
    const invoices = items.map((item) => InvoiceSchema.parse(item));
    return next === undefined ? { items: invoices } : { items: invoices, next };
  }

  async invoicesByBuyerAddress(address: Address): Promise<{ readonly customerId: string; readonly buyer: InvoiceBuyer }[]> {
    const items = await this.partitions.byIndex(CUSTOMER_DATA_TABLES_LAYOUT.billing.indexes.buyerAddress, addressLookupKey(address));
    return items.flatMap((item) => {
      const invoice = InvoiceSchema.parse(item);
      return invoice.buyer ? [{ customerId: customerIdOf(String(item.pk)), buyer: invoice.buyer }] : [];
    });
  }

  async payments(customerId: string, cursor?: string): Promise<Page<Payment>> {
    const { items, next } = await this.partitions.page(customerId, SK_PREFIX.payment, cursor, PAGE_SIZES.payments);
    const payments = items.map((item) => PaymentSchema.parse(item));
    return next === undefined ? { items: payments } : { items: payments, next };
  }

  async setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void> {
    await this.partitions.markRestricted(customerId, restricted, categories);
  }

  async recordBuyer(customerId: string, invoiceNos: readonly string[], buyer: InvoiceBuyer): Promise<number> {
    if (invoiceNos.length === 0) return 0;
    const ids = new Set(invoiceNos);
    const keys = (await this.partitions.all(customerId, SK_PREFIX.invoice, ['invoiceNo'])).filter((item) => ids.has(String(item.invoiceNo)));
    // The lookup key first: a key without a buyer is skipped by the lookup, a buyer without a key could not be found.
    if (buyer.address) await this.partitions.setOn(keys, 'buyerAddressKey', addressLookupKey(buyer.address));
    return this.partitions.setOn(keys, 'buyer', buyer);
  }

  async deleteInvoices(customerId: string, invoiceNos: readonly string[]): Promise<number> {
    if (invoiceNos.length === 0) return 0;
    const ids = new Set(invoiceNos);
    return this.partitions.deleteWhere(customerId, SK_PREFIX.invoice, ['invoiceNo'], (item) => ids.has(String(item.invoiceNo)));
  }

  async deletePayments(customerId: string, paymentIds: readonly string[]): Promise<number> {
    if (paymentIds.length === 0) return 0;
    const ids = new Set(paymentIds);
    return this.partitions.deleteWhere(customerId, SK_PREFIX.payment, ['paymentId'], (item) => ids.has(String(item.paymentId)));
  }

  /**
   * Marks held invoices or payments for deletion by the table's TTL once their retention ends
   * (`deleteAfter`, epoch seconds): the DynamoDB side of a retention scheduler. Idempotent;
   * unknown ids are ignored. Returns how many records were marked.
   */
  async scheduleDeletion(customerId: string, kind: 'invoice' | 'payment', recordIds: readonly string[], deleteAfter: number): Promise<number> {
    const at = ttlEpochSeconds(deleteAfter);
    if (recordIds.length === 0) return 0;
    const ids = new Set(recordIds);
    const idAttribute = kind === 'invoice' ? 'invoiceNo' : 'paymentId';
    const keys = await this.partitions.all(customerId, SK_PREFIX[kind], [idAttribute]);
    const held = keys.filter((item) => ids.has(String(item[idAttribute])));
    return this.partitions.setOn(held, CUSTOMER_DATA_TABLES_LAYOUT.billing.ttlAttribute, at);
  }

  /**
   * Bulk import (seeding, migration): writes the invoices and payments among `records` (other
   * kinds are ignored), validated, with BatchWriteItem. Returns how many items were written.
   */
  async putRecords(records: CustomerDataRecordsInput, options: { readonly concurrency?: number } = {}): Promise<number> {
    return this.partitions.putAll(itemsFor('billing', records), options.concurrency);
  }
}
