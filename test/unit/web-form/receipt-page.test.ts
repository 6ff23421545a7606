import { afterEach, describe, expect, it } from 'vitest';
import { REQUEST_TYPE_LABELS } from '../../../functions/domain/request/request-type-labels.js';
import { formatCalendarDate } from '../../../functions/domain/letter-format/format-calendar-date.js';
import { renderReceiptPage } from '../../../functions/http/web-form/pages/receipt-page.js';
import { EMAIL_LIKE, tags } from './page-inspection.js';

const receipt = (language: 'nb' | 'en', dueDate = '2026-12-23', reference = 'NK-2026-0042'): string =>
  renderReceiptPage({ language, reference, dueDate, types: ['access', 'erasure'] });

describe('formatCalendarDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['2026-12-23', 'nb', '23. desember 2026'],
    ['2026-12-23', 'en', '23 December 2026'],
    ['2027-01-04', 'nb', '4. januar 2027'],
    ['2027-01-04', 'en', '4 January 2027'],
    ['2028-02-29', 'nb', '29. februar 2028'],
  ] as const)('formats %s in %s as %s', (date, language, expected) => {
    expect(formatCalendarDate(date, language)).toBe(expected);
  });

  it.each(['Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Europe/Oslo'])('keeps the day in time zone %s', (tz) => {
    process.env.TZ = tz;
    expect(formatCalendarDate('2027-01-01', 'nb')).toBe('1. januar 2027');
    expect(formatCalendarDate('2026-12-31', 'en')).toBe('31 December 2026');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-12-32', '23.12.2026', '2026-12-23T00:00:00Z', ''])(
    'refuses %s rather than printing a wrong date',
    (date) => {
      expect(() => formatCalendarDate(date, 'nb')).toThrow(RangeError);
    },
  );
});

describe('renderReceiptPage', () => {
  it('confirms receipt in the chosen language', () => {
    expect(receipt('nb')).toContain('<html lang="nb">');
    expect(receipt('nb')).toContain('<h1>Vi har mottatt henvendelsen din</h1>');
    expect(receipt('en')).toContain('<html lang="en">');
    expect(receipt('en')).toContain('<h1>We have received your request</h1>');
  });

  it('shows the reference prominently and asks the person to quote it', () => {
    expect(receipt('nb')).toContain('<strong class="reference">NK-2026-0042</strong>');
    expect(receipt('nb')).toMatch(/Oppgi referansenummeret/);
    expect(receipt('en')).toMatch(/quote the reference number/);
  });

  it('escapes the reference', () => {
    expect(receipt('nb', '2026-12-23', '<i>x</i>')).toContain('&lt;i&gt;x&lt;/i&gt;');
  });

  it('shows the due date for humans, with the machine date in <time>', () => {
    expect(receipt('nb')).toContain('<time datetime="2026-12-23">23. desember 2026</time>');
    expect(receipt('en')).toContain('<time datetime="2026-12-23">23 December 2026</time>');
    expect(receipt('nb', '2027-01-04')).toContain('4. januar 2027');
  });

  it('lists the chosen rights and only those', () => {
    const nb = receipt('nb');
    expect(nb).toContain(`<li>${REQUEST_TYPE_LABELS.access.nb}</li>`);
    expect(nb).toContain(`<li>${REQUEST_TYPE_LABELS.erasure.nb}</li>`);
    expect(nb).not.toContain(REQUEST_TYPE_LABELS.portability.nb);
    expect(receipt('en')).toContain(`<li>${REQUEST_TYPE_LABELS.erasure.en}</li>`);
  });

  it('explains what happens next: confirmation, identity code, free, complaint to Datatilsynet', () => {
    const nb = receipt('nb');
    expect(nb).toMatch(/bekreftelse på e-post/);
    expect(nb).toMatch(/kode.*registrert på deg/);
    expect(nb).toContain('Det er gratis.');
    expect(tags(nb, 'a').some((a) => a.href?.startsWith('https://www.datatilsynet.no/'))).toBe(true);
    const en = receipt('en');
    expect(en).toMatch(/confirmation by e-mail/);
    expect(en).toMatch(/code.*registered for you/);
    expect(en).toContain('It is free of charge.');
    expect(en).toContain('Datatilsynet');
  });

  it('contains no e-mail address except our own contact address', () => {
    for (const language of ['nb', 'en'] as const) {
      const found = receipt(language).match(EMAIL_LIKE) ?? [];
      expect(new Set(found)).toEqual(new Set(['naerkontor@obos.no']));
    }
  });

  it('contains no script', () => {
    expect(receipt('nb')).not.toMatch(/<script|\son\w+=/i);
  });
});
