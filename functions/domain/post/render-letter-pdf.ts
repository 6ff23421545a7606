import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { providedModule } from '../../platform/provided-module.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { addressBlockLines } from './postal-address-line.js';
import { norwegianTypography } from './norwegian-typography.js';
import type { PostalLetter } from './postal-letter.js';

/** The font embedded in every letter: DejaVu Sans (Latin, with æøå, «», dashes and the no-break space). */
export const LETTER_FONT_FILE = 'dejavu-sans-latin-400-normal.woff';

/** A4 in PostScript points, and the margins of a C5 window envelope letter. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 70, right: 56, top: 56, bottom: 64 } as const;
const BODY_SIZE = 10.5;
const LINE = 14.5;

/** The sender block printed at the top right of every letter. */
export const SENDER_BLOCK: readonly string[] = [
  'OBOS Nærkontor AS',
  'Postboks 6666 St Olavs Plass',
  '0129\u00a0OSLO',
  'naerkontor@obos.no',
  'Tlf. 934\u00a020\u00a0183',
];

type PrintLanguage = 'nb' | 'nn' | 'en';
const LABELS: Readonly<Record<'reference' | 'date' | 'page' | 'of' | 'report', Readonly<Record<PrintLanguage, string>>>> = {
  reference: { nb: 'Vår referanse', nn: 'Vår referanse', en: 'Our reference' },
  date: { nb: 'Dato', nn: 'Dato', en: 'Date' },
  page: { nb: 'Side', nn: 'Side', en: 'Page' },
  of: { nb: 'av', nn: 'av', en: 'of' },
  report: { nb: 'Vedlegg: kopi av opplysningene dine', nn: 'Vedlegg: kopi av opplysningane dine', en: 'Enclosure: a copy of your data' },
};

/**
 * Where the font file is: beside the bundle on Lambda (copied there when the function is built),
 * in the installed package otherwise.
 */
export function letterFontPath(): string {
  const taskRoot = process.env.LAMBDA_TASK_ROOT;
  return taskRoot ? join(taskRoot, LETTER_FONT_FILE) : join(process.cwd(), 'node_modules/@fontsource/dejavu-sans/files', LETTER_FONT_FILE);
}

/** A printable report to enclose after the letter (the data copy of an access request). */
export interface Enclosure {
  /** Plain text, one paragraph a line. */
  readonly text: string;
}

/**
 * Makes the PDF of a letter by post: A4, the sender block, the recipient in the envelope window,
 * reference and date, the subject and the text set in Norwegian typography, and «Side n av m» on
 * every page; an enclosure (the data copy) follows on new pages. The PDF library and the font are
 * loaded on the first call only (from the document libraries layer), so a cold start does not pay for them.
 * The output depends only on the recorded letter: made again, it says the same.
 */
export async function renderLetterPdf(letter: PostalLetter, enclosure?: Enclosure): Promise<Uint8Array> {
  // Loaded here, on the first letter, from the document libraries' layer (node_modules locally).
  const { PDFDocument, rgb } = providedModule<typeof import('pdf-lib')>('pdf-lib');
  const fontkit = providedModule<typeof import('@pdf-lib/fontkit')>('@pdf-lib/fontkit');
  const fontBytes = await readFile(letterFontPath());
  const language = letter.postal.language as PrintLanguage;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(norwegianTypography(letter.subject));
  doc.setAuthor('OBOS Nærkontor AS');
  doc.setCreationDate(new Date(`${letter.postal.date}T12:00:00Z`));
  doc.setModificationDate(new Date(`${letter.postal.date}T12:00:00Z`));

  const width = PAGE.width - MARGIN.left - MARGIN.right;
  const wrap = (text: string, size: number): string[] => {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        // A word longer than the line (a link) is broken where it must.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  };

  const ink = rgb(0.1, 0.1, 0.1);
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top;
  const write = (text: string, size: number = BODY_SIZE, x: number = MARGIN.left): void => {
    page.drawText(text, { x, y, size, font, color: ink });
  };
  const newPage = (): void => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN.top;
  };
  const flow = (text: string, size: number = BODY_SIZE, lineHeight: number = LINE): void => {
    for (const line of wrap(norwegianTypography(text), size)) {
      if (y < MARGIN.bottom + lineHeight) newPage();
      write(line, size);
      y -= lineHeight;
    }
  };

  // Sender block, top right.
  for (const line of SENDER_BLOCK) {
    write(line, 9, PAGE.width - MARGIN.right - font.widthOfTextAtSize(line, 9));
    y -= 12;
  }
  // Recipient in the envelope window (C5/DL window: about 45–85 mm from the top).
  y = PAGE.height - 150;
  for (const line of addressBlockLines(letter.postal.recipient.name, letter.postal.recipient.address)) {
    write(line, 11);
    y -= 14;
  }
  y = PAGE.height - 250;
  const date = formatCalendarDate(letter.postal.date, letter.postal.language);
  flow(`${LABELS.reference[language]}: ${letter.requestId}`, 9.5, 13);
  flow(`${LABELS.date[language]}: ${date}`, 9.5, 13);
  y -= 18;
  flow(letter.subject, 13, 18);
  y -= 8;
  flow(letter.text);

  if (enclosure) {
    newPage();
    flow(LABELS.report[language], 13, 18);
    y -= 8;
    flow(enclosure.text, 9.5, 13);
  }

  const pages = doc.getPages();
  for (const [index, each] of pages.entries()) {
    const footer = `${LABELS.page[language]}\u00a0${index + 1} ${LABELS.of[language]} ${pages.length}`;
    each.drawText(footer, { x: PAGE.width - MARGIN.right - font.widthOfTextAtSize(footer, 8.5), y: 32, size: 8.5, font, color: ink });
    each.drawText(letter.requestId, { x: MARGIN.left, y: 32, size: 8.5, font, color: ink });
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * The readable export report (HTML) as plain text for printing: headings, paragraphs, list items
 * and table rows each on their own line, cells separated by « · ».
 */
export function reportHtmlAsText(html: string): string {
  return html
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(td|th)>\s*/gi, ' · ')
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/tr|\/div|\/section|\/dt|\/dd|\/caption|\/table)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/ · $/, '').trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}
