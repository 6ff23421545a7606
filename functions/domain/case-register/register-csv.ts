import type { RightsRequest } from '../request/rights-request.js';
import { csvDocument } from './csv-format.js';
import { registerRows, type RegisterRow } from './register-rows.js';

/**
 * The columns of the exported register: the Norwegian header staff and Datatilsynet read, and the
 * row field under it. The header is plain ASCII and the values are codes and ISO dates, so the
 * file also reads well in tools that ignore the byte-order mark.
 */
export const REGISTER_COLUMNS: readonly (readonly [header: string, field: keyof RegisterRow])[] = [
  ['referanse', 'reference'],
  ['typer', 'types'],
  ['kanal', 'channel'],
  ['mottatt', 'receivedAt'],
  ['mottaksdato', 'receiptDate'],
  ['frist', 'dueDate'],
  ['opprinnelig_frist', 'originalDueDate'],
  ['forlenget', 'extended'],
  ['besvart_dato', 'answeredDate'],
  ['avsluttet_dato', 'closedDate'],
  ['utfall', 'outcome'],
  ['besvart_i_tide', 'answeredOnTime'],
];

/** What the console answers `/console/register.csv` with (`header=present` per RFC 4180 §3). */
export const REGISTER_CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** The download's file name, dated so successive exports kept for the record do not overwrite. */
export const registerCsvFileName = (today: string): string => `saksregister-${today}.csv`;

/**
 * The case register as a CSV file for the accountability record (Art. 5(2)): header row, then
 * one row per request, oldest receipt first. No personal data: see {@link RegisterRow}.
 */
export function registerCsv(requests: readonly RightsRequest[]): string {
  const rows = registerRows(requests);
  return csvDocument([
    REGISTER_COLUMNS.map(([header]) => header),
    ...rows.map((row) => REGISTER_COLUMNS.map(([, field]) => row[field])),
  ]);
}
