import type { KeptRecords } from '../plan/action-plan.js';
import type { Language } from '../request/request-vocabulary.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';

/** The words for how long a kept group stays, per language. */
const UNTIL_WORDS: Readonly<Record<Language, { readonly date: (day: string) => string; readonly contract: string; readonly claim: string }>> = {
  nb: { date: (day) => `Til og med ${day}`, contract: 'Så lenge kundeforholdet varer', claim: 'Til kravet er avgjort' },
  nn: { date: (day) => `Til og med ${day}`, contract: 'Så lenge kundeforholdet varer', claim: 'Til kravet er avgjort' },
  en: { date: (day) => `Until ${day} inclusive`, contract: 'As long as the customer relationship lasts', claim: 'Until the claim is resolved' },
};

/**
 * How long records an erasure keeps are kept, as one sentence without its full stop: «Til og med
 * 31. desember 2031», «Så lenge kundeforholdet varer», «Til kravet er avgjort». The reply letter and
 * the console's plan both use it, so what staff approve says exactly what the person will read.
 */
export function keptUntilText(group: Pick<KeptRecords, 'kind' | 'until'>, language: Language): string {
  const words = UNTIL_WORDS[language];
  if (group.until) return words.date(formatCalendarDate(group.until, language));
  return group.kind === 'contract' ? words.contract : words.claim;
}
