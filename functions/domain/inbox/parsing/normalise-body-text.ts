/**
 * One shape for body text from every client: `\n` line ends, no zero-width or byte-order marks, no
 * non-breaking spaces, no trailing blanks, at most one empty line in a row. The quote and signature
 * rules then match lines without caring which program wrote them.
 */
export function normaliseBodyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/[ \t]+$/gm, (trailing, offset: number, whole: string) =>
      // keep the one space of a "-- " signature delimiter
      whole.slice(Math.max(0, offset - 2), offset) === '--' && (offset < 3 || whole[offset - 3] === '\n') ? ' ' : '',
    )
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
