/**
 * A markup fragment that is already safe to emit. Only {@link html} and {@link raw} make one, so
 * a value that reaches a page without passing through either is always escaped.
 */
export class SafeHtml {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/**
 * What may be interpolated into {@link html}. `null`, `undefined` and `false` render nothing, so
 * `${condition && html`…`}` works; arrays are joined without separators.
 */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in element content and in quoted attribute values. Everything a requester
 * typed goes through this, so a name like `<script>` is shown as text and never runs.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Marks trusted markup (our own CSS, a fragment built elsewhere) as safe. Never pass it anything
 * that came from a request: that is the one way to defeat the escaping.
 */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

const render = (value: HtmlValue): string => {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/**
 * Tagged template that escapes every interpolated value unless it is {@link SafeHtml}, so pages are
 * safe by default and unsafe only where `raw()` says so.
 *
 * @example
 * html`<p>${userText}</p>`; // userText is escaped
 * html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`; // nested fragments are kept as markup
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
