import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetterHtml } from '../../../functions/domain/mail/letter-html.js';
import { emailAccessibilityProblems } from '../../support/email-accessibility.js';
import { renderEveryLetter, type RenderedLetter } from './rendered-letters.js';

const GOOD = renderLetterHtml({ subject: 'Emne', text: 'Hei,\n\nAvsnitt.\n\nOverskrift\n----------\n  • punkt', language: 'nb' });

describe('emailAccessibilityProblems', () => {
  it('passes a letter rendered by our template', () => {
    expect(emailAccessibilityProblems(GOOD)).toEqual([]);
  });

  it.each([
    ['no lang', GOOD.replace('<html lang="nb">', '<html>'), 'no lang attribute'],
    ['no title', GOOD.replace(/<title>.*<\/title>/, ''), 'no <title>'],
    ['a skipped heading level', GOOD.replace('<h2', '<h3').replace('</h2>', '</h3>'), 'h1 followed by h3'],
    ['two h1', GOOD.replace('<h2', '<h1').replace('</h2>', '</h1>'), 'more than one h1'],
    ['a bare address as link text', GOOD.replace('Avsnitt.', '<a href="https://x.example/a">https://x.example/a</a>'), 'only its address'],
    ['an image without alt', GOOD.replace('Avsnitt.', '<img src="logo.png">'), 'without alt'],
    ['a layout table without role', GOOD.replace('<table role="presentation"', '<table'), 'role="presentation"'],
    ['grey text on white', GOOD.replace('color:#1a1a1a', 'color:#aaaaaa'), 'below 4.5:1'],
    ['tiny text', GOOD.replace('font-size:16px', 'font-size:11px'), 'too small'],
    ['no viewport', GOOD.replace(/<meta name="viewport"[^>]*>/, ''), 'viewport'],
  ])('finds %s', (_case, html, problem) => {
    expect(emailAccessibilityProblems(html).join('\n')).toContain(problem);
  });
});

describe('renderLetterHtml', () => {
  it('escapes everything from the letter, so text a requester typed never becomes markup', () => {
    const html = renderLetterHtml({ subject: '<b>x</b>', text: 'Hei <script>alert(1)</script> & "q"', language: 'nb' });

    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<title>&lt;b&gt;x&lt;/b&gt;</title>');
  });

  it('makes links clickable and says where they go, in the letter language', () => {
    const html = renderLetterHtml({
      subject: 'S',
      text: 'Kopien er klar her:\nhttps://personvern.obos.no/download/NK-20261123-7KQ4M2PX?lang=en\nMail naerkontor@obos.no or see www.datatilsynet.no.',
      language: 'en',
    });

    expect(html).toContain('<a href="https://personvern.obos.no/download/NK-20261123-7KQ4M2PX?lang=en" style="color:#0047ba;text-decoration:underline">Download the copy</a>');
    expect(html).toContain('<a href="mailto:naerkontor@obos.no"');
    expect(html).toContain('<a href="https://www.datatilsynet.no"');
    expect(html).toContain('<html lang="en">');
  });

  it('turns the letter headings into h2 under the subject as h1, and bullets into nested lists', () => {
    const html = renderLetterHtml({
      subject: 'Svar',
      text: 'Sletting\n--------\nDette beholder vi:\n  • Regnskap\n      – Fakturaer\n    Rettslig grunnlag: x.\n  • Annet',
      language: 'nb',
    });

    expect(html).toMatch(/<h1[^>]*>Svar<\/h1>/);
    expect(html).toMatch(/<h2[^>]*>Sletting<\/h2>/);
    expect(html).toMatch(/<li[^>]*>Regnskap<ul[^>]*><li[^>]*>Fakturaer<br>Rettslig grunnlag: x\.<\/li><\/ul><\/li><li[^>]*>Annet<\/li>/);
  });
});

describe('every letter as HTML e-mail', () => {
  let letters: RenderedLetter[];
  beforeAll(async () => {
    letters = await renderEveryLetter();
  });

  it('covers the fixed letters, the replies and the notices', () => {
    expect(letters.length).toBeGreaterThan(40);
    expect(letters.map((l) => l.name)).toEqual(expect.arrayContaining(['download code', 'triage acknowledgement', 'reply: every right (active customer)']));
  });

  it('passes the HTML e-mail accessibility check, every one, in every language', () => {
    const failures = letters.flatMap(({ name, language, letter }) =>
      emailAccessibilityProblems(renderLetterHtml({ ...letter, language })).map((problem) => `${name} (${language}): ${problem}`),
    );
    expect(failures).toEqual([]);
  });

  it('keeps every word of the plain-text part in the HTML part', () => {
    for (const { letter, language } of letters) {
      const html = renderLetterHtml({ ...letter, language });
      const visible = html.replace(/<br>|<\/(p|li|h1|h2)>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      const words = letter.text.replace(/https?:\/\/\S+/g, '').split(/\s+/).filter((w) => /^[\p{L}\d]/u.test(w) && !/^-+$/.test(w));
      for (const word of words) expect(visible).toContain(word);
    }
  });
});

describe('the code letters', () => {
  it('do not describe themselves: no «this e-mail contains a code» sentences', async () => {
    const codeLetters = (await renderEveryLetter()).filter(({ name }) => /code|reminder/.test(name));
    expect(codeLetters.length).toBeGreaterThanOrEqual(6);
    for (const { letter } of codeLetters) {
      expect(letter.text).not.toMatch(/(denne e-posten|e-posten|this e-mail|this message|this letter)\s+(inneholder|har|contains|holds|includes)/i);
      expect(letter.text).not.toMatch(/(inneholder|contains) (en|a|your) (engangs)?kode|contains a (one-time )?code/i);
    }
  });
});
