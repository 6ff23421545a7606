import { expect } from 'vitest';
import { ids, tags, type Attributes } from '../web-form/page-inspection.js';
import { CSRF_FIELD } from '../../../functions/domain/staff-auth/index.js';

export const CSRF = 'csrf-token-123';
export const USER = { username: 'kari.saksbehandler', groups: ['staff', 'privacy-officer'] } as const;
export const CONTEXT = { user: USER, csrfToken: CSRF } as const;

export interface FormInfo {
  readonly attributes: Attributes;
  readonly inner: string;
}

/** Every form on the page with its markup (forms never nest, so a lazy match is enough). */
export function forms(page: string): FormInfo[] {
  return [...page.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((m) => ({
    attributes: tags(`<form${m[1]}>`, 'form')[0]!,
    inner: m[2]!,
  }));
}

export const postForms = (page: string): FormInfo[] => forms(page).filter((f) => f.attributes.method === 'post');

/** Every POST form carries the CSRF token as `csrf`. */
export function expectCsrfOnEveryPostForm(page: string, token = CSRF): void {
  const posts = postForms(page);
  expect(posts.length).toBeGreaterThan(0);
  for (const form of posts) {
    const hidden = tags(form.inner, 'input').filter((i) => i.type === 'hidden' && i.name === CSRF_FIELD);
    expect(hidden, form.attributes.action).toEqual([{ type: 'hidden', name: CSRF_FIELD, value: token }]);
  }
}

/** Checks the accessibility basics a parser-free test can: one h1, labels, fieldsets, ids, tables. */
export function expectAccessibleMarkup(page: string): void {
  expect(page.match(/<h1\b/g) ?? []).toHaveLength(1);
  expect(tags(page, 'main')).toHaveLength(1);
  expect(tags(page, 'html')[0]?.lang).toBe('nb');

  const pageIds = ids(page);
  expect(new Set(pageIds).size, 'ids are unique').toBe(pageIds.length);

  const labelTargets = tags(page, 'label').map((l) => l.for);
  const controls = [
    ...tags(page, 'input').filter((i) => i.type !== 'hidden'),
    ...tags(page, 'select'),
    ...tags(page, 'textarea'),
  ];
  for (const control of controls) {
    expect(control.id, JSON.stringify(control)).toBeTruthy();
    expect(labelTargets.filter((t) => t === control.id), control.id).toHaveLength(1);
  }

  for (const ref of [...page.matchAll(/aria-(?:describedby|labelledby)="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '))) {
    expect(pageIds, ref).toContain(ref);
  }

  // Radio buttons and checkboxes only inside a fieldset that starts with a legend.
  const outsideFieldsets = page.replace(/<fieldset\b[^>]*>\s*<legend>[\s\S]*?<\/fieldset>/g, '');
  expect(tags(outsideFieldsets, 'input').filter((i) => i.type === 'radio' || i.type === 'checkbox')).toEqual([]);

  // Tables have a caption and every header cell a scope.
  const tableCount = (page.match(/<table\b/g) ?? []).length;
  expect((page.match(/<table>\s*<caption\b/g) ?? []).length).toBe(tableCount);
  expect(tags(page, 'th').every((th) => th.scope === 'col' || th.scope === 'row')).toBe(true);
}

/** The text inside `<main>`, tags stripped, for "the page says …" checks. */
export function mainText(page: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
  return main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

export const HOSTILE = '<script>alert(1)</script>';
