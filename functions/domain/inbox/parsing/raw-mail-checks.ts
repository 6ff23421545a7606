import { UnparseableMessageError } from '../inbound-message-errors.js';

const SNIFF_BYTES = 8 * 1024;
/** `Field-Name:` as RFC 5322 §2.2 defines it, or the mbox `From ` line some exports begin with. */
const FIRST_HEADER = /^(?:[\x21-\x39\x3b-\x7e]+[ \t]*:|From )/;

const isControlByte = (byte: number): boolean => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b;

/**
 * Rejects, before mailparser sees them, inputs it would "parse" into an empty message: nothing at all,
 * binary files (an image or a zip saved as .eml), and text with no header block (mailparser reads the
 * first paragraph of such text as headers and loses it). Failing here gives staff a reason instead of
 * an empty mail that recognition would call "other".
 */
export function assertLooksLikeMail(bytes: Buffer): void {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let start = 0;
  while (start < head.length && (head[start] === 0x20 || head[start] === 0x09 || head[start] === 0x0a || head[start] === 0x0d)) start++;
  if (start === head.length) throw new UnparseableMessageError('empty');
  let controls = 0;
  for (const byte of head) {
    if (byte === 0x00) throw new UnparseableMessageError('not_a_mail');
    if (isControlByte(byte)) controls++;
  }
  if (controls > head.length * 0.02) throw new UnparseableMessageError('not_a_mail');
  const lineEnd = head.indexOf(0x0a, start);
  const firstLine = head.subarray(start, lineEnd === -1 ? head.length : lineEnd).toString('latin1');
  if (!FIRST_HEADER.test(firstLine)) throw new UnparseableMessageError('missing_headers');
}
