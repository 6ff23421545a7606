/**
 * Letters that carry no accent in Unicode but that staff type without: someone searching for
 * "Soren" on a phone call must find "Søren", and "Aeroe" "Ærø".
 */
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l' };

/**
 * Reduces text to what a search compares: lower case, accents removed (`å` → `a`, `é` → `e`),
 * Nordic letters folded, runs of white space collapsed. Applied to both the query and the field,
 * so a query typed either way matches.
 *
 * @example foldForSearch('  Åse  SØRLIE ') // 'ase sorlie'
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæßđł]/g, (c) => FOLDED[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
