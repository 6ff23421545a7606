import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../functions/domain/request/request-vocabulary.js';
import { renderIntakePage } from '../../../functions/http/console-mail/pages/intake-page.js';
import { tags } from '../web-form/page-inspection.js';
import { CONTEXT, HOSTILE, expectAccessibleMarkup, expectCsrfOnEveryPostForm, mainText } from './console-page-checks.js';

describe('renderIntakePage', () => {
  it('posts to /console/intake with CSRF and passes the markup checks', () => {
    const page = renderIntakePage({ ...CONTEXT, idempotencyKey: 'form-key-1' });
    expectAccessibleMarkup(page);
    expectCsrfOnEveryPostForm(page);
    expect(tags(page, 'form').find((f) => f.action === '/console/intake')).toMatchObject({ method: 'post' });
  });

  it('asks for channel, receipt date and Oslo time, the public form fields and an intake note', () => {
    const page = renderIntakePage({ ...CONTEXT, idempotencyKey: 'form-key-1' });
    const names = [...tags(page, 'input'), ...tags(page, 'textarea')].map((i) => i.name);
    for (const name of ['channel', 'received_date', 'received_time', 'name', 'email', 'phone', 'types', 'details', 'language', 'intake_note']) {
      expect(names, name).toContain(name);
    }
    const inputs = tags(page, 'input');
    expect(inputs.filter((i) => i.name === 'channel').map((i) => i.value)).toEqual(['phone', 'post']);
    expect(inputs.find((i) => i.name === 'received_date')).toMatchObject({ type: 'date', required: '' });
    expect(inputs.find((i) => i.name === 'received_time')).toMatchObject({ type: 'time', required: '' });
    expect(inputs.filter((i) => i.name === 'types').map((i) => i.value)).toEqual([...REQUEST_TYPES]);
    expect(inputs.find((i) => i.name === 'received_date')?.value).toBe('');
    expect(inputs.filter((i) => i.name === 'language').map((i) => i.value)).toEqual(['nb', 'nn', 'en']);
    expect(mainText(page)).toContain('Nynorsk');
  });

  it('shows an error summary in field order, linking to each field, and keeps every value (escaped)', () => {
    const page = renderIntakePage({
      idempotencyKey: 'form-key-1',
      ...CONTEXT,
      values: { channel: 'post', received_date: '2026-11-23', received_time: '14:30', name: HOSTILE, email: 'x@example', types: ['erasure'], details: HOSTILE },
      errors: [
        { field: 'email', message: 'Skriv inn en gyldig e-postadresse.' },
        { field: 'received_date', message: 'Datoen kan ikke være i fremtiden.' },
      ],
    });
    expectAccessibleMarkup(page);
    const summaryLinks = [...page.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(summaryLinks).toEqual(['intake-received-date', 'intake-email']);
    const inputs = tags(page, 'input');
    expect(inputs.find((i) => i.name === 'channel' && i.value === 'post')).toHaveProperty('checked');
    expect(inputs.find((i) => i.name === 'received_time')?.value).toBe('14:30');
    expect(inputs.find((i) => i.name === 'types' && i.value === 'erasure')).toHaveProperty('checked');
    expect(inputs.find((i) => i.name === 'email')).toMatchObject({ value: 'x@example', 'aria-invalid': 'true' });
    expect(page).not.toContain(HOSTILE);
    expect(mainText(page)).toContain('Datoen kan ikke være i fremtiden.');
  });
});
