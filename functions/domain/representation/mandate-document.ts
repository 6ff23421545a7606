import type { MandateContentType } from '../request/representative.js';

/**
 * The largest mandate document accepted: a scanned page or two. The console posts through API
 * Gateway to a Lambda function, whose request payload is limited to 6 MB after base64 encoding.
 */
export const MAX_MANDATE_BYTES = 4 * 1024 * 1024;

/** A document that cannot be kept as a mandate; the message is for staff (Norwegian). */
export class MandateDocumentError extends Error {
  override readonly name = 'MandateDocumentError';
  constructor(
    readonly kind: 'missing' | 'too_large' | 'unsupported_type',
    message: string,
  ) {
    super(message);
  }
}

/** The magic bytes of each accepted type: the content decides, not the name or the browser's claim. */
const SIGNATURES: readonly { readonly type: MandateContentType; readonly extension: string; readonly bytes: readonly number[] }[] = [
  { type: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

/**
 * Checks a mandate document staff upload: not empty, at most {@link MAX_MANDATE_BYTES}, and a
 * PDF, PNG or JPEG by its content. Answers its type and the file extension it is stored under.
 *
 * @throws {MandateDocumentError} with a message staff can act on
 */
export function checkMandateDocument(bytes: Uint8Array): { readonly contentType: MandateContentType; readonly extension: string } {
  if (bytes.length === 0) throw new MandateDocumentError('missing', 'Velg en fil med fullmakten (PDF, PNG eller JPEG).');
  if (bytes.length > MAX_MANDATE_BYTES) {
    throw new MandateDocumentError('too_large', `Filen er for stor (høyst ${MAX_MANDATE_BYTES / 1024 / 1024} MB). Skann med lavere oppløsning, eller lagre som PDF.`);
  }
  const match = SIGNATURES.find((signature) => signature.bytes.every((byte, i) => bytes[i] === byte));
  if (!match) throw new MandateDocumentError('unsupported_type', 'Fullmakten må være en PDF, PNG eller JPEG. Andre filtyper tas ikke imot.');
  return { contentType: match.type, extension: match.extension };
}
