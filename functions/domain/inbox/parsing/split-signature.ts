import { disclaimerMarkers, isClosingLine, isContactLine, isMobileFooter, isPostscript, isSignatureDelimiter } from './signature-markers.js';

/** The sender's own words and the signature under them. */
export interface SignatureSplit {
  readonly ownText: string;
  readonly signature: string;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A line that reads as a sentence the sender wrote, not a name, title or phone number. */
const isSentenceLine = (line: string): boolean =>
  !isContactLine(line) && ((line.trim().length > 45 && words(line) >= 6) || /\?\s*$/.test(line));

/** A paragraph after the signature that is still the sender writing (a late afterthought). */
const isContentParagraph = (lines: readonly string[]): boolean => words(lines.join(' ')) >= 8 && lines.some(isSentenceLine);

function paragraphs(lines: readonly string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** The first closing line that follows some content and is not followed straight away by a sentence. */
function findClosing(lines: readonly string[]): number {
  let seenContent = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (seenContent && isClosingLine(line)) {
      const next = lines[index + 1];
      if (next === undefined || next.trim() === '' || !isSentenceLine(next)) return index;
    }
    if (line.trim() !== '') seenContent = true;
  }
  return -1;
}

const join = (lines: readonly string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();

/**
 * Splits the signature off the sender's own text, so a company disclaimer ("vennligst slett den"), a
 * slogan or a title is never read as a request. The signature starts at a "-- " delimiter, at a
 * "Sent from my iPhone" footer, or at a closing ("Mvh", "Med vennlig hilsen", "Best regards", "Med
 * vänliga hälsningar", "Helsing" …). After a closing only the name block and disclaimers go: a "PS:"
 * or a paragraph that reads as sentences is the sender writing on, and stays theirs. Trailing
 * disclaimer paragraphs without a closing go too.
 *
 * @example splitSignature('Slett meg.\n\nMvh\nKari\n\nPS: bildene også.')
 * // { ownText: 'Slett meg.\n\nPS: bildene også.', signature: 'Mvh\nKari' }
 */
export function splitSignature(text: string): SignatureSplit {
  const lines = text.split('\n');
  const footer = lines.findIndex((line, index) => (index > 0 && isSignatureDelimiter(line)) || isMobileFooter(line));
  let own = footer === -1 ? lines : lines.slice(0, footer);
  const signature: string[] = footer === -1 ? [] : lines.slice(footer);

  const closing = findClosing(own);
  if (closing !== -1) {
    const closingBlock: string[] = [own[closing]!];
    const after = own.slice(closing + 1);
    let index = 0;
    while (index < after.length && after[index]!.trim() !== '' && !isPostscript(after[index]!) && !isSentenceLine(after[index]!)) {
      closingBlock.push(after[index]!);
      index++;
    }
    const rescued: string[] = [];
    for (const paragraph of paragraphs(after.slice(index))) {
      const keep = isPostscript(paragraph[0]!) || (disclaimerMarkers(paragraph.join(' ')) === 0 && isContentParagraph(paragraph));
      if (keep) rescued.push('', ...paragraph);
      else closingBlock.push('', ...paragraph);
    }
    signature.unshift(...closingBlock, ...(signature.length > 0 ? [''] : []));
    own = [...own.slice(0, closing), ...rescued];
  }

  // A disclaimer under a signature with no closing ("Rebecca Shaw / Solicitor / This email is confidential …").
  const ownParagraphs = paragraphs(own);
  const trailing: string[][] = [];
  while (ownParagraphs.length > 1 && disclaimerMarkers(ownParagraphs[ownParagraphs.length - 1]!.join(' ')) >= 2) trailing.unshift(ownParagraphs.pop()!);
  if (trailing.length > 0) {
    own = ownParagraphs.flatMap((paragraph, position) => (position === 0 ? paragraph : ['', ...paragraph]));
    signature.push(...trailing.flatMap((paragraph) => ['', ...paragraph]));
  }
  return { ownText: join(own), signature: join(signature) };
}
