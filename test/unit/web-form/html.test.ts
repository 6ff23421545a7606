import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, SafeHtml } from '../../../functions/platform/html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('shows an entity a user typed as typed, not as the character it names', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('html', () => {
  it('escapes interpolated strings', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p>${name}</p>`.toString()).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('keeps an attribute value from closing its quotes', () => {
    const value = `" onfocus="alert(1)`;
    expect(html`<input value="${value}">`.toString()).toBe('<input value="&quot; onfocus=&quot;alert(1)">');
  });

  it('keeps nested html fragments and raw() as markup', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`<p>${inner}${raw('<br>')}</p>`.toString()).toBe('<p><b>a&amp;b</b><br></p>');
  });

  it('joins arrays without separators, escaping strings inside them', () => {
    expect(html`<ul>${['<1>', html`<li>2</li>`]}</ul>`.toString()).toBe('<ul>&lt;1&gt;<li>2</li></ul>');
  });

  it('renders nothing for null, undefined and false so conditionals read naturally', () => {
    const show = false;
    expect(html`[${null}${undefined}${show && html`<b>x</b>`}${0}]`.toString()).toBe('[0]');
  });

  it('does not treat a look-alike object as safe markup', () => {
    const fake = { toString: () => '<b>' } as unknown as SafeHtml;
    expect(html`${fake}`.toString()).toBe('&lt;b&gt;');
  });
});
