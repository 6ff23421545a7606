import { legalBasisIn } from '../letter-format/legal-citations.js';
import { LEGAL_BASIS } from '../plan/request-types/erasure-texts.js';
import type { ActionPlan, KeptRecords, LegalBasis, RecordCategory } from '../plan/action-plan.js';
import type { Language } from '../request/request-vocabulary.js';
import { CATEGORY_LABELS, type Localised } from './art15-information.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { keptUntilText } from './kept-until.js';

/**
 * What the reply says about the records an erasure keeps (Art. 12(4), 17(3); requirement 8.5):
 * accounting material summarised per retention class of bokføringsloven § 13, each class in one
 * bullet with its count and ONE end date (the last day the newest record is kept: older years go
 * sooner, which the bullet says once instead of listing a line per year), and every other hold
 * (contract, legal claim, a staff decision) with its own reason, basis and end.
 */

type Lines = string[];
type AccountingClass = NonNullable<KeptRecords['retentionClass']>;

const CLASS_TEXT: Readonly<Record<AccountingClass, Localised>> = {
  primary: {
    nb:
      'Regnskapsmateriale som bokføringsloven § 13 pålegger oss å oppbevare i fem år etter utgangen av regnskapsåret ' +
      '(primærdokumentasjon: fakturaer og kreditnotaer). På fakturaene beholder vi bare navnet og adressen din, som ' +
      'bokføringsforskriften § 5-1-1 krever at et salgsdokument viser. Vi bruker dem bare til bokføring.',
    nn:
      'Rekneskapsmateriale som bokføringslova § 13 pålegg oss å oppbevare i fem år etter utgangen av rekneskapsåret ' +
      '(primærdokumentasjon: fakturaer og kreditnotaer). På fakturaene held vi berre på namnet og adressa di, som ' +
      'bokføringsforskrifta § 5-1-1 krev at eit salsdokument viser. Vi bruker dei berre til bokføring.',
    en:
      'Accounting records that section 13 of the Norwegian Bookkeeping Act requires us to keep for five years after the ' +
      'end of the financial year (primary documentation: invoices and credit notes). On the invoices we keep only your ' +
      'name and address, which section 5-1-1 of the Norwegian Bookkeeping Regulations requires a sales document to show. We use them ' +
      'for bookkeeping only.',
  },
  secondary: {
    nb:
      'Regnskapsmateriale som bokføringsloven § 13 pålegger oss å oppbevare i tre år og seks måneder etter utgangen av ' +
      'regnskapsåret (sekundærdokumentasjon: når og hvordan fakturaene ble betalt). Vi bruker dem bare til bokføring.',
    nn:
      'Rekneskapsmateriale som bokføringslova § 13 pålegg oss å oppbevare i tre år og seks månader etter utgangen av ' +
      'rekneskapsåret (sekundærdokumentasjon: når og korleis fakturaene vart betalte). Vi bruker dei berre til bokføring.',
    en:
      'Accounting records that section 13 of the Norwegian Bookkeeping Act requires us to keep for three years and six months ' +
      'after the end of the financial year (secondary documentation: when and how invoices were paid). We use them for ' +
      'bookkeeping only.',
  },
};

/** Each class's basis, cited as the plan's own kept groups cite it. */
const CLASS_BASIS: Readonly<Record<AccountingClass, LegalBasis>> = {
  primary: LEGAL_BASIS.primaryAccounting,
  secondary: LEGAL_BASIS.secondaryAccounting,
};

/** `1 oppføring` / `12 oppføringer` (nn `12 oppføringar`), `1 record` / `12 records`. */
export const recordCount = (n: number, language: Language): string =>
  `${n} ${n === 1 ? { nb: 'oppføring', nn: 'oppføring', en: 'record' }[language] : { nb: 'oppføringer', nn: 'oppføringar', en: 'records' }[language]}`;

const LEGAL_BASIS_LABEL: Localised = { nb: 'Rettslig grunnlag', nn: 'Rettsleg grunnlag', en: 'Legal basis' };

const bullet = (text: string): string => `  • ${text}`;

/** Kept groups the rules made under bokføringsloven § 13 (staff holds are explained on their own). */
const isAccounting = (group: KeptRecords): group is KeptRecords & { retentionClass: AccountingClass; until: string } =>
  group.kind === 'legal_obligation' && group.retentionClass !== undefined && group.until !== undefined && group.setBy === undefined;

/** The letter's sentence on how long a group is kept: the same words the console's plan shows. */
const untilText = (group: KeptRecords, language: Language): string => `${keptUntilText(group, language)}.`;

/**
 * The class's records and their ONE end date: `Fakturaer (12 oppføringer): vi sletter dem år for år
 * når oppbevaringstiden for hvert regnskapsår er ute, de siste etter 31. desember 2031.`
 */
export function classSummary(groups: readonly (KeptRecords & { until: string })[], language: Language): string {
  const counts = new Map<RecordCategory, number>();
  for (const group of groups) counts.set(group.category, (counts.get(group.category) ?? 0) + group.recordIds.length);
  const what = [...counts].map(([category, n]) => `${CATEGORY_LABELS[category][language]} (${recordCount(n, language)})`).join(', ');
  const last = formatCalendarDate(groups.map((group) => group.until).sort().at(-1) ?? '', language);
  const severalYears = new Set(groups.map((group) => group.until)).size > 1;
  const texts: Readonly<Record<Language, string>> = severalYears
    ? {
        nb: `${what}: oppbevares senest til og med ${last}; oppføringene fra tidligere regnskapsår sletter vi før, så snart tiden for dem er ute.`,
        nn: `${what}: blir oppbevarte seinast til og med ${last}; oppføringane frå tidlegare rekneskapsår slettar vi før, så snart tida for dei er ute.`,
        en: `${what}: kept until ${last} inclusive at the latest; the records of earlier financial years are deleted sooner, as soon as their time is up.`,
      }
    : {
        nb: `${what}: oppbevares til og med ${last}, så sletter vi dem.`,
        nn: `${what}: blir oppbevarte til og med ${last}, så slettar vi dei.`,
        en: `${what}: kept until ${last} inclusive, then deleted.`,
      };
  return texts[language];
}

/** The kept part of the erasure section, or nothing when nothing is kept. */
export function keptRecordsText(plan: Pick<ActionPlan, 'kept'>, language: Language): Lines {
  const lines: Lines = [];
  for (const retentionClass of ['primary', 'secondary'] as const) {
    const groups = plan.kept.filter(isAccounting).filter((group) => group.retentionClass === retentionClass);
    if (groups.length === 0) continue;
    lines.push(
      bullet(CLASS_TEXT[retentionClass][language]),
      `    ${classSummary(groups, language)}`,
      `    ${LEGAL_BASIS_LABEL[language]}: ${legalBasisIn(CLASS_BASIS[retentionClass], language)}.`,
    );
  }
  for (const group of plan.kept.filter((kept) => !isAccounting(kept))) {
    lines.push(
      bullet(`${CATEGORY_LABELS[group.category][language]} (${recordCount(group.recordIds.length, language)}): ${group.reason[language]}`),
      `    ${LEGAL_BASIS_LABEL[language]}: ${legalBasisIn(group.legalBasis, language)}. ${untilText(group, language)}`,
    );
  }
  return lines;
}

/**
 * The holds staff released before approving (a settled claim, a hold that no longer applies), said
 * once, so the person sees that the plan was corrected and why the records are now erased or kept
 * under the general rules above.
 */
export function releasedRecordsText(plan: Pick<ActionPlan, 'adjustments'>, language: Language): Lines {
  const released = new Set(plan.adjustments.filter((a) => a.action === 'release').flatMap((a) => a.recordIds));
  if (released.size === 0) return [];
  const n = recordCount(released.size, language);
  return [
    {
      nb:
        `Etter en ny vurdering holder vi ikke lenger tilbake ${n} som vi først ville beholde ` +
        'for et rettskrav, fordi grunnen ikke lenger gjelder. De er slettet eller behandlet etter reglene ovenfor.',
      nn:
        `Etter ei ny vurdering held vi ikkje lenger tilbake ${n} som vi først ville ta vare på ` +
        'for eit rettskrav, fordi grunnen ikkje lenger gjeld. Dei er sletta eller behandla etter reglane ovanfor.',
      en:
        `On review, we no longer hold back ${n} that we first meant to keep for a legal ` +
        'claim, because the reason no longer applies. They have been erased or handled under the rules above.',
    }[language],
  ];
}
