import type { ActionPlan, KeptRecords } from '../plan/action-plan.js';
import type { RecipientOutcome } from '../recipients/recipient-changes.js';
import type { Language } from '../request/request-vocabulary.js';
import { CATEGORY_LABELS } from './art15-information.js';
import { recordCount } from './kept-records-text.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { norwegianAct } from '../letter-format/legal-citations.js';

/**
 * The reply's first sentences: what we did NOT do and why, before anything else, because that is
 * what a person who stops after one paragraph most needs to know (and what Art. 12(4) requires us
 * to say). When everything was done, one sentence says so.
 */

const BOOKKEEPING = norwegianAct('bookkeeping', { number: 13 });

/** The first sentence of a reason text: the rest is in the section it belongs to. */
const firstSentence = (text: string): string => {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
};

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('nb') + text.slice(1);

/** `2 oppføringer (fakturaer og betalinger)` / `1 record (invoices)`. */
function countOf(groups: readonly KeptRecords[], language: Language): string {
  const total = groups.reduce((sum, group) => sum + group.recordIds.length, 0);
  const labels = [...new Set(groups.map((group) => lowerFirst(CATEGORY_LABELS[group.category][language])))];
  const joined = labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} ${{ nb: 'og', nn: 'og', en: 'and' }[language]} ${labels.at(-1)}`;
  return `${recordCount(total, language)} (${joined})`;
}

/** One sentence on what the law makes us keep, with the last date anything is kept. */
function accountingSentence(kept: readonly KeptRecords[], language: Language): string | undefined {
  const accounting = kept.filter((group) => group.kind === 'legal_obligation' && group.retentionClass !== undefined && group.until);
  if (accounting.length === 0) return undefined;
  const last = formatCalendarDate(accounting.map((group) => group.until ?? '').sort().at(-1) ?? '', language);
  const what = countOf(accounting, language);
  return {
    nb: `Vi beholder ${what}, fordi ${BOOKKEEPING.nb} pålegger oss å oppbevare regnskapsmateriale. De siste sletter vi etter ${last}.`,
    nn: `Vi held på ${what}, fordi ${BOOKKEEPING.nn} pålegg oss å oppbevare rekneskapsmateriale. Dei siste slettar vi etter ${last}.`,
    en: `We keep ${what}, because ${BOOKKEEPING.en} requires us to keep accounting records; the last of them are deleted after ${last}.`,
  }[language];
}

function claimSentence(kept: readonly KeptRecords[], language: Language): string | undefined {
  const claims = kept.filter((group) => group.kind === 'legal_claim');
  if (claims.length === 0) return undefined;
  const what = countOf(claims, language);
  return {
    nb: `Vi beholder ${what} til et rettskrav som gjelder dem, er avgjort.`,
    nn: `Vi held på ${what} til eit rettskrav som gjeld dei, er avgjort.`,
    en: `We keep ${what} until a legal claim concerning them is resolved.`,
  }[language];
}

/** The part of a reply's facts (`ReplyFacts`) the lead is written from; typed here so the reply imports the lead, not both ways. */
export interface LeadFacts {
  readonly request: { readonly language: Language };
  readonly plan: Pick<ActionPlan, 'refusals' | 'kept'>;
  readonly corrections: readonly { readonly outcome: string }[];
  readonly recipients: readonly Pick<RecipientOutcome, 'status'>[];
}

/** The lead paragraph of an approved reply (one or a few short sentences). */
export function replyLead(facts: LeadFacts): string {
  const language = facts.request.language;
  const sentences: string[] = [
    ...facts.plan.refusals.map((refusal) => firstSentence(refusal.reason[language])),
    ...[accountingSentence(facts.plan.kept, language), claimSentence(facts.plan.kept, language)].filter((s): s is string => !!s),
  ];
  if (facts.corrections.some((correction) => correction.outcome !== 'done')) {
    sentences.push({ nb: 'Vi har ikke rettet alt du ba om.', nn: 'Vi har ikkje retta alt du bad om.', en: 'We have not made every correction you asked for.' }[language]);
  }
  if (facts.recipients.some((recipient) => recipient.status === 'no_address' || recipient.status === 'pending')) {
    sentences.push(
      {
        nb: 'Vi har ennå ikke fått varslet alle som har fått opplysninger om deg fra oss.',
        nn: 'Vi har enno ikkje fått varsla alle som har fått opplysningar om deg frå oss.',
        en: 'We have not yet been able to tell everyone who received your data from us.',
      }[language],
    );
  }
  if (sentences.length === 0) return { nb: 'Vi har gjort alt du ba om.', nn: 'Vi har gjort alt du bad om.', en: 'We have done everything you asked for.' }[language];
  return [
    ...sentences,
    {
      nb: 'Nedenfor står hva vi har gjort, hvorfor, og hva du kan gjøre hvis du er uenig.',
      nn: 'Nedanfor står kva vi har gjort, kvifor, og kva du kan gjere om du er usamd.',
      en: 'Below is what we have done, why, and what you can do if you disagree.',
    }[language],
  ].join(' ');
}
