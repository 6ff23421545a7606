/**
 * How recognition forgives the spelling of real mail: missing Norwegian, Swedish and Danish letters
 * («onsker», «slett meg fra listen paa epost», «radera mina uppgifter» typed without ä) and the typos
 * of a phone keyboard («inysn», «sllette», «unsubscibe», «delte my acount»). A cue word and a
 * message word are compared on their folded spelling first, then with one slip allowed when the cue
 * word is long enough that a slip cannot make another common word of it.
 */

/**
 * Spelling without the letters a keyboard may lack: å/aa/ä → a, ø/ö → o, æ → ae, accents dropped.
 * «oe» is left alone: «noen» and «kontoer» are words of their own, not «nøn» and «kontør».
 */
export function foldWord(word: string): string {
  return word
    .replace(/aa/g, 'a')
    .replace(/[åäàáâ]/g, 'a')
    .replace(/[øöòóô]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[éèê]/g, 'e')
    .replace(/ü/g, 'u');
}

/**
 * Cue and message words from this length take a dropped, doubled or swapped letter («insyn»,
 * «sllette», «delte»); shorter ones (meg, ring, sett) would meet other words.
 */
export const SLIP_MIN_LENGTH = 5;
/** Cue words from this length also take one wrong letter («opplysnimger»): «slette»/«slutte» stay apart. */
export const WRONG_LETTER_MIN_LENGTH = 8;

/** True when `a` becomes `b` by one letter dropped or added, or two neighbours swapped. */
function oneSlip(a: string, b: string, allowWrongLetter: boolean): boolean {
  if (a === b) return true;
  const difference = a.length - b.length;
  if (difference === 0) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a[i + 1] === b[i] && a[i] === b[i + 1] && a.slice(i + 2) === b.slice(i + 2)) return true;
    return allowWrongLetter && a.slice(i + 1) === b.slice(i + 1);
  }
  if (Math.abs(difference) !== 1) return false;
  const [longer, shorter] = difference > 0 ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  // A letter more or less at the end is an ending («deleted», «innsyn»/«innsy»), not a slip.
  return i < shorter.length && longer.slice(i + 1) === shorter.slice(i);
}

/** Letters in `a` not matched in `b` (multiset difference), stopping early past `limit`. */
function lettersMissing(a: string, b: string, limit: number): number {
  const counts = new Map<string, number>();
  for (const letter of b) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  let missing = 0;
  for (const letter of a) {
    const left = counts.get(letter) ?? 0;
    if (left > 0) counts.set(letter, left - 1);
    else if (++missing > limit) return missing;
  }
  return missing;
}

/** «coppy» for «copy», «dataa» for «data»: a four-letter cue word typed with one letter doubled. */
function doubledLetter(word: string, cue: string): boolean {
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1] && word.slice(0, i) + word.slice(i + 1) === cue) return true;
  return false;
}

/** Length of the longest common subsequence: how much of the order two spellings share. */
function commonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const letter of a) {
    const current = [0];
    for (let j = 0; j < b.length; j++) current.push(letter === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * «inysn» for «innsyn»: the same letters but one, one of them out of place, with the first and last
 * letters right. Two slips in one short word, which is what thumbs on a phone do; a different letter is
 * never accepted, and a word whose letters stand in another order («ringte» for «retting») is not it.
 */
function jumbled(word: string, cue: string): boolean {
  // The last letter must be right too: «deleted» is «delete» with an ending, not jumbled.
  if (Math.abs(word.length - cue.length) > 1 || word.at(-1) !== cue.at(-1)) return false;
  const longer = word.length >= cue.length ? word : cue;
  const shorter = longer === word ? cue : word;
  return (
    lettersMissing(shorter, longer, 0) === 0 &&
    lettersMissing(longer, shorter, 1) === longer.length - shorter.length &&
    commonSubsequence(shorter, longer) >= shorter.length - 1
  );
}

/**
 * True when a message word (folded) is a slip of a cue word (folded): see the lengths above, counted
 * on the words as written (folding «være» to «vaere» does not make it long enough to slip). Both
 * must start with the same letter; that is where people rarely slip, and it keeps the test cheap.
 */
export function isSlipOf(word: string, cue: string, writtenWordLength = word.length, writtenCueLength = cue.length): boolean {
  if (word[0] !== cue[0] || Math.abs(word.length - cue.length) > 1) return false;
  if (writtenCueLength === SLIP_MIN_LENGTH - 1 && word.length === cue.length + 1) return doubledLetter(word, cue);
  if (writtenCueLength < SLIP_MIN_LENGTH || writtenWordLength < SLIP_MIN_LENGTH) return false;
  return oneSlip(word, cue, cue.length >= WRONG_LETTER_MIN_LENGTH) || jumbled(word, cue);
}

/**
 * True when a message word (folded) starts with a slip of a cue prefix (folded): «insynsbegjæring»
 * for `innsyn*`, «sllettet» for `slett*`. Only a dropped, doubled or swapped letter.
 */
export function startsWithSlipOf(word: string, prefix: string, writtenWordLength = word.length, writtenPrefixLength = prefix.length): boolean {
  if (word[0] !== prefix[0] || writtenPrefixLength < SLIP_MIN_LENGTH || writtenWordLength < SLIP_MIN_LENGTH) return false;
  // One of a doubled letter dropped: «sleter», «slete» for `slett*`, «insyn» for `innsyn*`.
  for (let i = 1; i < prefix.length; i++) if (prefix[i] === prefix[i - 1] && word.startsWith(prefix.slice(0, i) + prefix.slice(i + 1))) return true;
  // The compared start is never shorter than SLIP_MIN_LENGTH: «sett» is no slip of `slett*`.
  for (let length = Math.max(SLIP_MIN_LENGTH, prefix.length - 1); length <= prefix.length + 1 && length <= word.length; length++) {
    const start = word.slice(0, length);
    // A start that ends before the prefix's last letter is a shorter prefix, not a slip: «indsig» is no `indsigt*`.
    if (start.at(-1) !== prefix.at(-1)) continue;
    // No wrong letter in a prefix: the rest of the word is unknown, so «fortsett» would pass for `føresett*`.
    if (oneSlip(start, prefix, false)) return true;
  }
  return false;
}
