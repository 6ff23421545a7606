import { isAttribution, isHistorySeparator, isOutlookHeaderBlock, isQuotedLine, isRuleLine } from './reply-markers.js';

/** A body split into what the sender wrote now and the earlier messages they replied to. */
export interface QuoteSplit {
  readonly ownText: string;
  readonly quotedText: string;
}

/** Where the quoted history starts, and whether everything after it is history. */
interface HistoryStart {
  readonly index: number;
  /** Outlook blocks and "Original Message" separators quote without `>`: all that follows is history. */
  readonly wholeTail: boolean;
  /** Lines taken by the marker itself (an attribution wrapped over two lines). */
  readonly markerLines: number;
}

function attributionAt(lines: readonly string[], index: number): number {
  const line = lines[index]!;
  if (isAttribution(line)) return 1;
  const next = lines[index + 1];
  // Gmail wraps a long attribution: "On Fri, 4 Dec 2026 at 15:20, Kari <" / "kari@example.no> wrote:"
  if (next !== undefined && !line.trim().endsWith(':') && next.trim() !== '' && isAttribution(`${line.trim()} ${next.trim()}`)) return 2;
  return 0;
}

function findHistoryStart(lines: readonly string[]): HistoryStart | undefined {
  for (let index = 0; index < lines.length; index++) {
    if (isHistorySeparator(lines[index]!)) return { index, wholeTail: true, markerLines: 1 };
    if (isOutlookHeaderBlock(lines, index)) {
      let start = index;
      while (start > 0 && (isRuleLine(lines[start - 1]!) || (lines[start - 1]!.trim() === '' && start - 1 > 0 && isRuleLine(lines[start - 2]!)))) start--;
      return { index: start, wholeTail: true, markerLines: index - start + 1 };
    }
    const attribution = attributionAt(lines, index);
    if (attribution > 0) {
      const rest = lines.slice(index + attribution);
      // Without any `>` line after it, the client quoted the message unmarked: all of it is history.
      return { index, wholeTail: !rest.some(isQuotedLine), markerLines: attribution };
    }
  }
  return undefined;
}

const joinLines = (lines: readonly string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();

/**
 * Splits a reply into the sender's new words and the history they quoted, so recognition never reads
 * an earlier request (or our own answer) as a new one. History starts at the first attribution line
 * ("Den … skrev …:", "On … wrote:"), Outlook header block ("Fra: … Sendt: …"), or "-----Original
 * Message-----"-style separator; before that, `>` lines are quoted and the rest is the sender's (an
 * answer written between quoted lines stays the sender's).
 *
 * @example splitQuotedReply('Takk!\n\nDen tor. 10. des. 2026 kl. 07:45 skrev OBOS <n@obos.no>:\n> Slett meg')
 * // { ownText: 'Takk!', quotedText: 'Den tor. 10. des. 2026 kl. 07:45 skrev OBOS <n@obos.no>:\n> Slett meg' }
 */
export function splitQuotedReply(text: string): QuoteSplit {
  const lines = text.split('\n');
  const start = findHistoryStart(lines);
  const own: string[] = [];
  const quoted: string[] = [];
  const head = start ? lines.slice(0, start.index) : lines;
  for (const line of head) (isQuotedLine(line) ? quoted : own).push(line);
  if (start) {
    const marker = lines.slice(start.index, start.index + start.markerLines);
    const tail = lines.slice(start.index + start.markerLines);
    quoted.push(...marker);
    if (start.wholeTail) quoted.push(...tail);
    else for (const line of tail) (isQuotedLine(line) ? quoted : own).push(line);
  }
  return { ownText: joinLines(own), quotedText: joinLines(quoted) };
}
