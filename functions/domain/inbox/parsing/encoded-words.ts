const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
/** Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2). */
const BETWEEN_WORDS = /(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)/g;

function decoderFor(charset: string): TextDecoder | undefined {
  try {
    return new TextDecoder(charset.replace(/\*.*$/, ''), { fatal: false });
  } catch {
    return undefined;
  }
}

function qBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '_') bytes.push(0x20);
    else if (char === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(char.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(bytes);
}

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?Q?Innsynsbegj=C3=A6ring?=`) in a raw header value, so the
 * header record reads as the sender wrote it. A word in an unknown charset is left encoded rather than
 * turned into wrong letters.
 *
 * @example decodeEncodedWords('=?iso-8859-1?Q?V=E6r_s=E5_snill?=') // 'Vær så snill'
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value.replace(BETWEEN_WORDS, '$1').replace(ENCODED_WORD, (whole, charset: string, encoding: string, payload: string) => {
    const decoder = decoderFor(charset);
    if (!decoder) return whole;
    const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(payload, 'base64') : qBytes(payload);
    return decoder.decode(bytes);
  });
}
