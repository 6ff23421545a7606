import { REPRESENTATIVE_RELATIONS } from '../../../functions/domain/request/representative.js';
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPE_LABELS } from '../../../functions/domain/request/request-type-labels.js';
import { REQUEST_TYPES, type Language } from '../../../functions/domain/request/request-vocabulary.js';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';
import { RecordCategorySchema } from '../../../functions/domain/plan/action-plan.js';
import { RESTRICTION_GROUNDS } from '../../../functions/domain/restriction/restriction.js';
import { renderRequestFormPage } from '../../../functions/http/web-form/pages/request-form-page.js';
import { ids, tags, textOf } from './page-inspection.js';

const blank = (language: Language = 'nb'): string => renderRequestFormPage({ language, idempotencyKey: 'key-1' });

const controls = (page: string) => [
  ...tags(page, 'input').filter((i) => i.type !== 'hidden'),
  ...tags(page, 'textarea'),
  ...tags(page, 'select'),
];

describe('renderRequestFormPage', () => {
  describe('blank form', () => {
    it('posts urlencoded to its own address (no action), so the form shown again after an error keeps that address', () => {
      const [form] = tags(blank(), 'form');
      expect(form).toMatchObject({ method: 'post', enctype: 'application/x-www-form-urlencoded' });
      expect(form).not.toHaveProperty('action');
    });

    it('gives every control exactly one label, and every id is unique', () => {
      const page = blank();
      const labelTargets = tags(page, 'label').map((l) => l.for);
      // name, e-mail, phone; one box per right; «no reason» and one radio per restriction ground; one box per category;
      // «for myself» and one radio per representative relation, the data subject's name, e-mail and phone; details.
      expect(controls(page)).toHaveLength(
        3 + REQUEST_TYPES.length + 1 + RESTRICTION_GROUNDS.length + RecordCategorySchema.options.length + 1 + REPRESENTATIVE_RELATIONS.length + 3 + 1,
      );
      for (const control of controls(page)) {
        expect(control.id, JSON.stringify(control)).toBeTruthy();
        expect(labelTargets.filter((target) => target === control.id)).toHaveLength(1);
      }
      expect(new Set(ids(page)).size).toBe(ids(page).length);
    });

    it('points every aria-describedby at an element that exists', () => {
      const page = blank();
      const present = new Set(ids(page));
      const references = [...page.matchAll(/aria-describedby="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));
      expect(references.length).toBeGreaterThan(0);
      for (const id of references) expect(present, id).toContain(id);
    });

    it('asks for name and e-mail with autocomplete, and phone as optional tel', () => {
      const inputs = tags(blank(), 'input');
      expect(inputs.find((i) => i.name === 'name')).toMatchObject({ type: 'text', autocomplete: 'name', required: '' });
      expect(inputs.find((i) => i.name === 'email')).toMatchObject({ type: 'email', autocomplete: 'email', required: '' });
      const phone = inputs.find((i) => i.name === 'phone');
      expect(phone).toMatchObject({ type: 'tel', autocomplete: 'tel' });
      expect(phone).not.toHaveProperty('required');
    });

    it('offers one checkbox per right, labelled and explained, inside a fieldset with a legend', () => {
      const page = blank('en');
      const boxes = tags(page, 'input').filter((i) => i.type === 'checkbox' && i.name === 'types');
      expect(boxes.map((b) => b.name)).toEqual(REQUEST_TYPES.map(() => 'types'));
      expect(boxes.map((b) => b.value)).toEqual([...REQUEST_TYPES]);
      for (const box of boxes) {
        expect(page).toContain(`<label for="${box.id}">${REQUEST_TYPE_LABELS[box.value as (typeof REQUEST_TYPES)[number]].en}</label>`);
        expect(textOf(page, box['aria-describedby']!).length).toBeGreaterThan(20);
      }
      expect(page).toMatch(/<fieldset[^>]*>\s*<legend>What would you like\?<\/legend>/);
    });

    it('limits details to 5000 characters and explains what to write', () => {
      const page = blank('nb');
      const [details] = tags(page, 'textarea');
      expect(details).toMatchObject({ name: 'details', maxlength: '5000' });
      expect(textOf(page, details!['aria-describedby']!)).toMatch(/hva som skal rettes.*samtykke/);
    });

    it('carries the language and idempotency key as hidden fields', () => {
      const hidden = tags(renderRequestFormPage({ language: 'en', idempotencyKey: 'abc-123' }), 'input').filter(
        (i) => i.type === 'hidden',
      );
      expect(hidden).toEqual([
        { type: 'hidden', name: 'language', value: 'en' },
        { type: 'hidden', name: 'idempotencyKey', value: 'abc-123' },
      ]);
    });

    it('explains that it is free, the one-month deadline and extension, identity check and privacy policy', () => {
      const nb = blank('nb');
      expect(nb).toContain('Det er gratis.');
      expect(nb).toMatch(/senest innen én måned.*inntil to måneder.*forklarer hvorfor/);
      expect(nb).toMatch(/kode til e-postadressen eller telefonnummeret vi har registrert/);
      expect(tags(nb, 'a').some((a) => a.href?.includes('personvernerklaring-for-naerkontoret-as'))).toBe(true);
      const en = blank('en');
      expect(en).toContain('It is free of charge.');
      expect(en).toMatch(/within one month.*two further months.*explain why/);
      expect(en).toMatch(/sending a code to the e-mail address or phone number we have registered/);
    });

    it('has no error summary and no invalid field', () => {
      const page = blank();
      expect(page).not.toContain('role="alert"');
      expect(page).not.toContain('aria-invalid');
    });

    it('contains no script', () => {
      expect(blank()).not.toMatch(/<script|\son\w+=/i);
    });

    it('switches every text with the language', () => {
      const nb = blank('nb');
      const en = blank('en');
      expect(nb).toContain('<html lang="nb">');
      expect(en).toContain('<html lang="en">');
      expect(nb).toContain('<h1>Send en personvernhenvendelse</h1>');
      expect(en).toContain('<h1>Make a data protection request</h1>');
      for (const type of REQUEST_TYPES) {
        expect(nb).not.toContain(REQUEST_TYPE_LABELS[type].en);
        expect(en).not.toContain(REQUEST_TYPE_LABELS[type].nb);
      }
      expect(tags(nb, 'button')[0]).toMatchObject({ type: 'submit' });
      expect(nb).toContain('Send henvendelsen</button>');
      expect(en).toContain('Send request</button>');
    });

    it('offers the form in nynorsk, carrying nn as the language of the request and its answer', () => {
      const nn = blank('nn');
      expect(nn).toContain('<html lang="nn">');
      expect(nn).toContain('<h1>Send ein personvernførespurnad</h1>');
      expect(tags(nn, 'input').find((input) => input.name === 'language')?.value).toBe('nn');
      for (const type of REQUEST_TYPES) expect(nn).toContain(REQUEST_TYPE_LABELS[type].nn);
      expect(tags(blank('nb'), 'a').find((a) => a.hreflang === 'nn')).toMatchObject({ href: '/?lang=nn', lang: 'nn' });
    });

    it('points the language link at the form itself, also when rendered as a POST response', () => {
      expect(tags(blank('nb'), 'a').find((a) => a.hreflang === 'en')?.href).toBe('/?lang=en');
    });
  });

  describe('after a failed submission', () => {
    const submitted = {
      name: '<script>alert("x")</script>',
      email: 'ikke-en-epost',
      phone: '12',
      details: 'Rett adressen min til "Storgata 1" & slett <b>alt</b>',
      types: ['erasure', 'consent_withdrawal', 'not-a-right'],
    };
    const result = validateSubmission({ ...submitted, language: 'nb' }, 'nb');
    if (result.ok) throw new Error('fixture must be invalid');
    const page = renderRequestFormPage({ language: 'nb', idempotencyKey: 'key-1', values: submitted, errors: [...result.errors].reverse() });

    it('escapes a hostile name instead of running it', () => {
      expect(page).not.toContain('<script>');
      expect(page).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    });

    it('refills every value and checked box exactly as typed', () => {
      const inputs = tags(page, 'input');
      expect(inputs.find((i) => i.name === 'name')?.value).toBe(submitted.name);
      expect(inputs.find((i) => i.name === 'email')?.value).toBe(submitted.email);
      expect(inputs.find((i) => i.name === 'phone')?.value).toBe(submitted.phone);
      const checked = inputs.filter((i) => i.type === 'checkbox' && 'checked' in i).map((i) => i.value);
      expect(checked).toEqual(['erasure', 'consent_withdrawal']);
      expect(page).toContain('>\nRett adressen min til &quot;Storgata 1&quot; &amp; slett &lt;b&gt;alt&lt;/b&gt;</textarea>');
    });

    it('keeps a leading newline in the details (the parser drops the first one after <textarea>)', () => {
      const refilled = renderRequestFormPage({ language: 'nb', idempotencyKey: 'k', values: { details: '\nLinje 2' } });
      expect(refilled).toMatch(/<textarea[^>]*>\n\nLinje 2<\/textarea>/);
    });

    it('shows an error summary that links to each field, in form order', () => {
      const summary = /<div class="error-summary" role="alert"[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
      expect(summary).toMatch(/<h2[^>]*>/);
      const links = tags(summary, 'a').map((a) => a.href);
      expect(links).toEqual(['#field-email', '#field-phone', '#field-types']);
      for (const link of links) expect(ids(page)).toContain(link?.slice(1));
      expect(summary).toContain('Skriv inn en gyldig e-postadresse.');
    });

    it('marks each invalid field and describes it with its own message', () => {
      for (const field of ['email', 'phone']) {
        const input = tags(page, 'input').find((i) => i.name === field)!;
        expect(input['aria-invalid']).toBe('true');
        expect(input['aria-describedby']?.split(' ')).toContain(`field-${field}-error`);
      }
      expect(textOf(page, 'field-email-error')).toBe('Feil: Skriv inn en gyldig e-postadresse.');
      expect(tags(page, 'input').find((i) => i.name === 'name')).not.toHaveProperty('aria-invalid');
    });

    it('links the types error to the first checkbox and describes the group with it', () => {
      const errors = [{ field: 'types', message: 'Velg minst én av rettighetene i listen.' }];
      const typesPage = renderRequestFormPage({ language: 'nb', idempotencyKey: 'k', errors });
      expect(tags(typesPage, 'a').some((a) => a.href === '#field-types')).toBe(true);
      expect(tags(typesPage, 'input').find((i) => i.id === 'field-types')?.value).toBe(REQUEST_TYPES[0]);
      expect(tags(typesPage, 'fieldset')[0]?.['aria-describedby']?.split(' ')).toContain('field-types-error');
      const boxes = tags(typesPage, 'input').filter((i) => i.type === 'checkbox' && i.name === 'types');
      expect(boxes.every((b) => b['aria-invalid'] === 'true')).toBe(true);
    });

    it('lists an error with no field on the form without a dead link', () => {
      const errors = [{ field: 'idempotencyKey', message: 'Ukjent felt.' }];
      const odd = renderRequestFormPage({ language: 'nb', idempotencyKey: 'k', errors });
      expect(odd).toContain('<li>Ukjent felt.</li>');
      expect(tags(odd, 'a').some((a) => a.href === '#field-idempotencyKey')).toBe(false);
    });

    it('escapes error messages and says "Feil" in the title', () => {
      const hostile = renderRequestFormPage({ language: 'en', idempotencyKey: 'k', errors: [{ field: 'name', message: '<img>' }] });
      expect(hostile).not.toContain('<img>');
      expect(hostile).toContain('<title>Error: Make a data protection request – OBOS Nærkontor</title>');
      expect(page).toMatch(/<title>Feil: /);
    });

    it('still has a label for every control and valid aria references', () => {
      const present = new Set(ids(page));
      const labelTargets = tags(page, 'label').map((l) => l.for);
      for (const control of controls(page)) expect(labelTargets).toContain(control.id);
      for (const m of page.matchAll(/aria-(?:describedby|labelledby)="([^"]*)"/g)) {
        for (const id of m[1]!.split(' ')) expect(present, id).toContain(id);
      }
    });
  });
});
