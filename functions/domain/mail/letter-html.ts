/**
 * The HTML part of every mail, rendered from its plain-text letter so the two always say the same.
 *
 * Why our own small template and not an e-mail framework (MJML, React Email): every letter is
 * already composed as structured plain text (paragraphs, `Heading` + `-----` underlines, `•` and
 * `–` bullets, links on their own), and all it needs in HTML is one readable column. A framework
 * would add a compiler and many dependencies to every Lambda bundle for that. Everything from the
 * letter is escaped here; the only markup is ours.
 *
 * Layout: one column at most 600 px wide (a `role="presentation"` table, which every mail client
 * honours), 16 px text at line height 1.5, inline styles only (clients drop `<style>`), colours
 * from the public pages' palette (all above 4.5:1 contrast on white).
 *
 * @module
 */

export interface LetterHtmlInput {
  readonly subject: string;
  readonly text: string;
  /** The letter's language (`nb`, `nn`, `en`): the document's `lang`, and the link labels. */
  readonly language?: string;
}

/** Colours of the letter; the accessibility check in the tests holds each pair to 4.5:1. */
export const LETTER_COLOURS = { text: '#1a1a1a', background: '#ffffff', link: '#0047ba', muted: '#4a4a4a' } as const;

const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:" + LETTER_COLOURS.text;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

type LinkLabels = Readonly<Record<'verify' | 'download' | 'console' | 'other', string>>;

/**
 * What a link says instead of its address: a screen reader reading a long URL aloud helps no one,
 * and «Last ned kopien» tells a reader where it goes. The plain-text part keeps the address.
 */
const LINK_LABELS: Readonly<Record<'nb' | 'nn' | 'en', LinkLabels>> = {
  nb: {
    verify: 'Skriv inn koden',
    download: 'Last ned kopien',
    console: 'Åpne i saksbehandlingen',
    other: 'Åpne lenken',
  },
  nn: {
    verify: 'Skriv inn koden',
    download: 'Last ned kopien',
    console: 'Opne i saksbehandlinga',
    other: 'Opne lenkja',
  },
  en: {
    verify: 'Enter the code',
    download: 'Download the copy',
    console: 'Open in the case console',
    other: 'Open the link',
  },
};

const labelsFor = (language: string): LinkLabels => LINK_LABELS[language as keyof typeof LINK_LABELS] ?? LINK_LABELS.nb;

function linkLabel(url: string, labels: LinkLabels): string {
  let path = '';
  let host = '';
  try {
    const parsed = new URL(url);
    path = parsed.pathname;
    host = parsed.host;
  } catch {
    return labels.other;
  }
  if (path.startsWith('/verify/')) return labels.verify;
  if (path.startsWith('/download/')) return labels.download;
  if (path.startsWith('/console')) return labels.console;
  // «i skjemaet på personvern.obos.no»: the sentence names the form already, the host says where.
  if (path === '/' || path === '') return host;
  return `${labels.other} (${host})`;
}

const URL_OR_MAIL = /(https?:\/\/[^\s<>()]+[^\s<>().,;:!?])|(www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

const LINK_STYLE = `color:${LETTER_COLOURS.link};text-decoration:underline`;

/** One line of text, escaped, with its addresses made links that say where they go. */
function inline(line: string, labels: LinkLabels): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL_OR_MAIL)) {
    const [found, url, www, mail] = match;
    out += escape(line.slice(last, match.index));
    if (url) out += `<a href="${escape(url)}" style="${LINK_STYLE}">${escape(linkLabel(url, labels))}</a>`;
    else if (www) out += `<a href="https://${escape(www)}" style="${LINK_STYLE}">${escape(www)}</a>`;
    else if (mail) out += `<a href="mailto:${escape(mail)}" style="${LINK_STYLE}">${escape(mail)}</a>`;
    last = (match.index ?? 0) + found.length;
  }
  return out + escape(line.slice(last));
}

const BULLET = /^(\s*)[•–-]\s+(.*)$/;

interface ListItem {
  readonly depth: number;
  lines: string[];
  children: ListItem[];
}

/** Bulleted lines (with their indented continuations) as nested lists, by indentation. */
function renderList(lines: readonly string[], labels: LinkLabels): string {
  const roots: ListItem[] = [];
  const stack: ListItem[] = [];
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    if (bullet) {
      const item: ListItem = { depth: (bullet[1] ?? '').length, lines: [bullet[2] ?? ''], children: [] };
      while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= item.depth) stack.pop();
      (stack.at(-1)?.children ?? roots).push(item);
      stack.push(item);
    } else {
      stack.at(-1)?.lines.push(line.trim());
    }
  }
  const render = (items: readonly ListItem[]): string =>
    `<ul style="margin:0 0 16px;padding-left:24px">${items
      .map(
        (item) =>
          `<li style="margin:0 0 8px">${item.lines.map((l) => inline(l, labels)).join('<br>')}${item.children.length > 0 ? render(item.children) : ''}</li>`,
      )
      .join('')}</ul>`;
  return render(roots);
}

const isUnderline = (line: string | undefined): boolean => line !== undefined && /^-{3,}$/.test(line.trim());

/** One block (the lines between blank lines): headings, paragraphs and lists in their order. */
function renderBlock(lines: readonly string[], labels: LinkLabels): string {
  let out = '';
  let paragraph: string[] = [];
  let list: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) out += `<p style="margin:0 0 16px">${paragraph.map((l) => inline(l, labels)).join('<br>')}</p>`;
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) out += renderList(list, labels);
    list = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (isUnderline(lines[i + 1]) && line.trim() !== '') {
      flushParagraph();
      flushList();
      out += `<h2 style="font-size:20px;line-height:1.3;margin:24px 0 8px">${inline(line.trim(), labels)}</h2>`;
      i += 1;
    } else if (BULLET.test(line) || (list.length > 0 && /^\s+\S/.test(line))) {
      flushParagraph();
      list.push(line);
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return out;
}

/**
 * The HTML document of a letter: `lang`, a `<title>` (the subject), the subject as the one `<h1>`,
 * the letter's own headings as `<h2>`, paragraphs, lists, and links labelled by where they go.
 */
export function renderLetterHtml({ subject, text, language = 'nb' }: LetterHtmlInput): string {
  const labels = labelsFor(language);
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''));
  const body = blocks.filter((block) => block.length > 0).map((block) => renderBlock(block, labels)).join('\n');
  return `<!doctype html>
<html lang="${escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escape(subject)}</title>
</head>
<body style="margin:0;padding:0;background:${LETTER_COLOURS.background}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${LETTER_COLOURS.background}">
<tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px">
<tr><td style="${FONT};text-align:left">
<p style="margin:0 0 8px;font-size:14px;color:${LETTER_COLOURS.muted}">OBOS Nærkontor</p>
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escape(subject)}</h1>
${body}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
