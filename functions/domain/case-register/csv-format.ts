/**
 * Writing CSV that Excel and LibreOffice open correctly and safely: RFC 4180 quoting and CRLF
 * line ends, a UTF-8 byte-order mark (without it Excel reads UTF-8 as Windows-1252 and æøå turn
 * into mojibake), and a defence against formula injection.
 *
 * @module
 */

/** The UTF-8 byte-order mark, written first so Excel detects the encoding. */
export const UTF8_BOM = '\uFEFF';

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
 * Tab and CR are included because some spreadsheets strip them and then see the next character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that force a field into quotes (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: a leading apostrophe when it could start a formula (the spreadsheet then shows it
 * as text), then quoted with doubled quotes when it holds a comma, quote or line break.
 *
 * @example
 * csvField('=HYPERLINK("x")'); // `"'=HYPERLINK(""x"")"`
 */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: BOM, then every record with CRLF after it (the last one too). */
export function csvDocument(records: readonly (readonly string[])[]): string {
  return UTF8_BOM + records.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
