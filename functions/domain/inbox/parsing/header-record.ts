import libmime from 'libmime';

/** One raw header line as mailparser reports it: lower-cased name and the line as received. */
export interface RawHeaderLine {
  readonly key: string;
  readonly line: string;
}

/** A value with its encoded words decoded; one libmime cannot decode is kept as received. */
function decodeHeaderValue(value: string): string {
  if (!value.includes('=?')) return value;
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

/**
 * The headers as a plain record: lower-cased names, unfolded values with encoded words decoded (by
 * libmime, the decoder mailparser uses for the subject: every charset iconv-lite knows, RFC 2231
 * language tags, whitespace between adjacent words dropped as RFC 2047 §6.2 asks), a
 * repeated header (Received, several List-* lines) joined with a newline so each occurrence stays
 * whole. Built from the raw lines rather than mailparser's typed map, which turns some headers into
 * objects (List-*, addresses) and drops others into a combined `list` key; the loop-safety and
 * authenticity checks want the values as written.
 *
 * @example headerRecord([{ key: 'auto-submitted', line: 'Auto-Submitted: auto-replied' }]) // { 'auto-submitted': 'auto-replied' }
 */
export function headerRecord(lines: readonly RawHeaderLine[]): Record<string, string> {
  // A Map, then fromEntries: a header named `__proto__` becomes an ordinary key, not a prototype.
  const values = new Map<string, string>();
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = key.toLowerCase();
    const value = decodeHeaderValue(line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
    const earlier = values.get(name);
    values.set(name, earlier === undefined ? value : `${earlier}\n${value}`);
  }
  return Object.fromEntries(values);
}
