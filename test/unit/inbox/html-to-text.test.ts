import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../functions/domain/inbox/parsing/html-to-text.js';

describe('htmlToText', () => {
  it('keeps line breaks where the sender saw them: <br>, paragraphs, divs and list items', () => {
    const text = htmlToText('<div>Hei,</div><div><br></div><p>jeg vil slette<br>kontoen min.</p><ul><li>profil</li><li>bilder</li></ul>');

    expect(text).toBe('Hei,\n\njeg vil slette\nkontoen min.\n\n- profil\n- bilder');
  });

  it('decodes named and numeric entities, the Nordic letters among them', () => {
    expect(htmlToText('<p>Bl&aring;b&aelig;r &amp; s&oslash;t &#229;&#xE6; &laquo;sitat&raquo; &nbsp;ok &ukjent;</p>')).toBe('Blåbær & søt åæ «sitat» ok &ukjent;');
  });

  it('decodes every HTML5 named reference and drops the invisible ones (soft hyphen, zero-width joiner)', () => {
    expect(htmlToText('<p>man&oelig;uvre &check; slet&shy;te&zwj; &frac13;&amp</p>')).toBe('manœuvre ✓ slette ⅓&');
  });

  it('drops head, style, script and comments, and never renders link targets', () => {
    const text = htmlToText(
      '<html><head><title>Nyhetsbrev</title><style>p{color:red}</style></head><body><!-- slett meg --><script>var a = "<p>innsyn</p>";</script><p>Se <a href="https://example.no/slett">her</a>.</p></body></html>',
    );

    expect(text).toBe('Se her.');
  });

  it('prefixes blockquote content with "> " per level, as plain-text clients quote', () => {
    const text = htmlToText(
      '<div>Takk!</div><div class="gmail_quote"><div class="gmail_attr">ons. 2. des. 2026 kl. 11:02 skrev OBOS &lt;n@obos.no&gt;:</div><blockquote class="gmail_quote"><p>Slett meg</p><blockquote>eldre</blockquote></blockquote></div>',
    );

    expect(text).toBe('Takk!\nons. 2. des. 2026 kl. 11:02 skrev OBOS <n@obos.no>:\n> Slett meg\n>\n> > eldre');
  });

  it('collapses whitespace outside <pre> and keeps it inside', () => {
    expect(htmlToText('<p>  mye \n\n  luft  </p><pre>a\nb</pre>')).toBe('mye luft\n\na\nb');
  });

  it('survives hostile input without recursion: an unterminated comment, half a million nested tags, unclosed styles', () => {
    // A recursive converter overflows the stack on deep nesting (html-to-text did at 500,000 tags);
    // the scan must simply return. Its speed is a benchmark matter, not a unit-test one.
    expect(htmlToText('<!--'.repeat(500_000))).toBe('');
    expect(htmlToText('<b>'.repeat(500_000) + 'bunn')).toBe('bunn');
    expect(htmlToText('<style>'.repeat(500_000) + 'skjult')).toBe('');
  });
});
