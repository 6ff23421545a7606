import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The body could not be read as the declared content type. */
export class UnreadableBodyError extends Error {
  override readonly name = 'UnreadableBodyError';
}

/** A body larger than any legitimate request; refused before parsing. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** The content type is neither JSON nor an HTML form post. */
export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
}

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyKind = 'json' | 'form';

export interface ReadBody {
  readonly kind: BodyKind;
  readonly value: unknown;
  /** Form posts carry their idempotency key as a hidden field. */
  readonly formIdempotencyKey?: string;
}

const FORM_LIST_FIELDS = new Set(['types', 'restriction_scope']);
const FORM_CONTROL_FIELDS = new Set(['idempotencyKey']);

/**
 * Reads a JSON or urlencoded body into a plain object. Form fields left empty are omitted (an
 * empty optional field means "not given"), repeated checkboxes become a list.
 */
export function readBody(event: APIGatewayProxyEventV2): ReadBody {
  const contentType = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new BodyTooLargeError('body too large');
  if (contentType === 'application/json' || contentType === '') {
    try {
      return { kind: 'json', value: raw === '' ? undefined : JSON.parse(raw) };
    } catch {
      throw new UnreadableBodyError('body is not valid JSON');
    }
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    const params = new URLSearchParams(raw);
    const value: Record<string, unknown> = {};
    for (const key of new Set(params.keys())) {
      if (FORM_CONTROL_FIELDS.has(key)) continue;
      if (FORM_LIST_FIELDS.has(key)) {
        value[key] = params.getAll(key);
        continue;
      }
      const field = params.get(key) ?? '';
      if (field.trim() !== '') value[key] = field;
    }
    if (!params.has('types')) value.types = [];
    return { kind: 'form', value, formIdempotencyKey: params.get('idempotencyKey') ?? undefined };
  }
  throw new UnsupportedMediaTypeError(`unsupported content type`);
}
