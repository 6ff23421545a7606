import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  MAX_BODY_BYTES,
  UnreadableBodyError,
  UnsupportedMediaTypeError,
  readBody,
} from '../../../functions/web/request-body.js';
import { formPost, httpEvent } from '../fixtures/http-event-fixture.js';

const form = (body: string) => httpEvent({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('readBody', () => {
  it('returns the parsed object when the body is JSON', () => {
    // Prepare
    const event = httpEvent({ headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"name":"Kari","types":["access"]}' });
    // Act
    const result = readBody(event);
    // Assess
    expect(result).toEqual({ kind: 'json', value: { name: 'Kari', types: ['access'] } });
  });

  it('returns JSON when no content type is given', () => {
    expect(readBody(httpEvent({ body: '{"a":1}' }))).toEqual({ kind: 'json', value: { a: 1 } });
  });

  it('returns an undefined JSON value when the body is empty', () => {
    expect(readBody(httpEvent({ headers: { 'content-type': 'application/json' } }))).toEqual({ kind: 'json', value: undefined });
  });

  it('returns the decoded JSON when the body is base64-encoded', () => {
    const body = Buffer.from('{"name":"Bjørn Ærø"}', 'utf8').toString('base64');

    const result = readBody(httpEvent({ headers: { 'content-type': 'application/json' }, body, isBase64Encoded: true }));

    expect(result.value).toEqual({ name: 'Bjørn Ærø' });
  });

  it('throws UnreadableBodyError when the JSON is invalid', () => {
    const event = httpEvent({ headers: { 'content-type': 'application/json' }, body: '{"name":' });

    expect(() => readBody(event)).toThrow(UnreadableBodyError);
  });

  it('returns every checked box as a list when types is repeated in a form post', () => {
    const result = readBody(form('name=Kari+Nordmann&types=access&types=erasure&language=nb'));

    expect(result).toEqual({
      kind: 'form',
      value: { name: 'Kari Nordmann', types: ['access', 'erasure'], language: 'nb' },
      formIdempotencyKey: undefined,
    });
  });

  it('returns a one-element list when a single types box is checked', () => {
    expect(readBody(form('types=access')).value).toEqual({ types: ['access'] });
  });

  it('returns an empty types list when no box is checked', () => {
    expect(readBody(form('name=Kari')).value).toEqual({ name: 'Kari', types: [] });
  });

  it('returns the form without empty or blank optional fields when they were left empty', () => {
    const result = readBody(form('name=Kari&email=k%40example.no&phone=&details=+++&types=access'));

    expect(result.value).toEqual({ name: 'Kari', email: 'k@example.no', types: ['access'] });
  });

  it('returns the idempotency key apart from the value when the form carries it', () => {
    const result = readBody(formPost([['idempotencyKey', 'f0e1d2c3'], ['name', 'Kari'], ['types', 'access']]));

    expect(result.formIdempotencyKey).toBe('f0e1d2c3');
    expect(result.value).not.toHaveProperty('idempotencyKey');
  });

  it('returns the decoded form when the form body is base64-encoded', () => {
    const body = Buffer.from('name=Bj%C3%B8rn&types=access', 'utf8').toString('base64');

    const result = readBody(httpEvent({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, isBase64Encoded: true }));

    expect(result.value).toEqual({ name: 'Bjørn', types: ['access'] });
  });

  it('returns the body when it is exactly the size limit', () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES - '{"a":""}'.length);

    expect(readBody(httpEvent({ body: `{"a":"${padding}"}` })).value).toEqual({ a: padding });
  });

  it('throws BodyTooLargeError when the body is one byte over the limit', () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES - '{"a":""}'.length + 1);

    expect(() => readBody(httpEvent({ body: `{"a":"${padding}"}` }))).toThrow(BodyTooLargeError);
  });

  it('throws BodyTooLargeError when the characters fit but their UTF-8 bytes do not', () => {
    const body = `{"a":"${'ø'.repeat(MAX_BODY_BYTES / 2)}"}`;

    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    expect(() => readBody(httpEvent({ body }))).toThrow(BodyTooLargeError);
  });

  it('throws BodyTooLargeError when a base64 body decodes to more than the limit', () => {
    const body = Buffer.from('x'.repeat(MAX_BODY_BYTES + 1)).toString('base64');

    expect(() => readBody(httpEvent({ body, isBase64Encoded: true }))).toThrow(BodyTooLargeError);
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/xml'])(
    'throws UnsupportedMediaTypeError when the content type is %s',
    (contentType) => {
      expect(() => readBody(httpEvent({ headers: { 'content-type': contentType }, body: 'name=Kari' }))).toThrow(
        UnsupportedMediaTypeError,
      );
    },
  );
});
