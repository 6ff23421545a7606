import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MAX_MANDATE_BYTES } from '../../domain/representation/mandate-document.js';
import { UnreadableFormError, type FormFields } from '../../web/console/form-fields.js';

/**
 * The largest upload body read: twice the largest document, so a file somewhat too large is still
 * read and refused with the document's own message (how large it may be) rather than a bare 413.
 */
const MAX_UPLOAD_BODY_BYTES = 2 * MAX_MANDATE_BYTES;

/** A console form with one file (`multipart/form-data`): its text fields and the file's bytes. */
export interface UploadForm {
  readonly fields: FormFields;
  /** The bytes of the `file` field; empty when no file was chosen. */
  readonly file: Uint8Array;
}

/**
 * Reads a file upload from the console (the mandate document). The multipart body is parsed by
 * the platform's own Fetch implementation (undici's `Request.formData()`), not by hand. A body
 * larger than a document may be is refused before parsing (413); another content type with 400.
 */
export async function readUploadForm(event: APIGatewayProxyEventV2): Promise<UploadForm> {
  const contentType = event.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;/i.test(contentType.trim())) throw new UnreadableFormError(400);
  const body = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (body.length > MAX_UPLOAD_BODY_BYTES) throw new UnreadableFormError(413);
  let parsed: FormData;
  try {
    parsed = await new Request('http://console.invalid/upload', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
  } catch {
    throw new UnreadableFormError(400);
  }
  const fields: Record<string, string> = {};
  let file = new Uint8Array();
  for (const [name, value] of parsed.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'file') file = new Uint8Array(await value.arrayBuffer());
  }
  return { fields, file };
}
