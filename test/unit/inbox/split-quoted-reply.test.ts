import { describe, expect, it } from 'vitest';
import { splitQuotedReply } from '../../../functions/domain/inbox/parsing/split-quoted-reply.js';

describe('splitQuotedReply', () => {
  it.each([
    ['Gmail bokmål', 'ons. 12. nov. 2026 kl. 10:14 skrev Kari Nordmann <kari@example.no>:'],
    ['Gmail bokmål with "Den"', 'Den tor. 10. des. 2026 kl. 07:45 skrev OBOS Nærkontor <naerkontor@obos.no>:'],
    ['nynorsk', 'man. 14. des. 2026 kl. 09:00 skreiv OBOS Nærkontor <naerkontor@obos.no>:'],
    ['Swedish', 'Den mån 30 nov. 2026 kl 16:02 skrev OBOS Nærkontor <naerkontor@obos.no>:'],
    ['Danish', 'Den 1. dec. 2026 kl. 10.14 skrev OBOS Nærkontor <naerkontor@obos.no>:'],
    ['English Gmail', 'On Fri, 4 Dec 2026 at 15:20, OBOS Naerkontor <naerkontor@obos.no> wrote:'],
    ['English Apple Mail', 'On 9 Dec 2026, at 12:01, OBOS Naerkontor <naerkontor@obos.no> wrote:'],
  ])('takes the quote after a %s attribution out of the own text', (_client, attribution) => {
    const split = splitQuotedReply(`Takk for svaret!\n\n${attribution}\n> Vi har slettet opplysningene dine.\n> Slett meg.`);

    expect(split.ownText).toBe('Takk for svaret!');
    expect(split.quotedText).toBe(`${attribution}\n> Vi har slettet opplysningene dine.\n> Slett meg.`);
  });

  it('joins an attribution Gmail wrapped over two lines', () => {
    const split = splitQuotedReply('Ja takk.\n\nOn Fri, 4 Dec 2026 at 15:20, OBOS Naerkontor <\nnaerkontor@obos.no> wrote:\n> Hi');

    expect(split.ownText).toBe('Ja takk.');
  });

  it.each([
    ['Norwegian Outlook', '________________________________\nFra: OBOS Nærkontor <naerkontor@obos.no>\nSendt: torsdag 5. november 2026 14:02\nTil: Per <per@example.no>\nEmne: Innsyn'],
    ['English Outlook', 'From: OBOS Naerkontor <naerkontor@obos.no>\nSent: Monday, 30 November 2026 11:00\nTo: Olivia <o@example.com>'],
    ['Swedish Outlook', 'Från: OBOS Nærkontor <naerkontor@obos.no>\nSkickat: den 30 november 2026 11:00\nTill: Johanna'],
    ['Original Message separator', '-----Original Message-----\nFrom: OBOS\nsomething'],
    ['Norwegian separator', '-----Opprinnelig melding-----\nFra: OBOS'],
    ['forward marker', '---------- Forwarded message ---------\nFrom: OBOS'],
  ])('takes everything from a %s block on as quoted, unmarked lines included', (_kind, block) => {
    const split = splitQuotedReply(`Ok, da venter jeg.\n\n${block}\n\nHei, vi har mottatt innsynsbegjæringen din.`);

    expect(split.ownText).toBe('Ok, da venter jeg.');
    expect(split.quotedText).toContain('innsynsbegjæringen');
  });

  it('keeps answers written between quoted lines as the sender’s own text', () => {
    const split = splitQuotedReply('Svarer under.\n\n> Gjelder det bookingene?\n\nJa.\n\n> Skal vi slette dem?\n\nJa, slett dem.');

    expect(split.ownText).toBe('Svarer under.\n\nJa.\n\nJa, slett dem.');
    expect(split.quotedText).toBe('> Gjelder det bookingene?\n> Skal vi slette dem?');
  });

  it('does not take a sentence with "skrev" and a colon for an attribution', () => {
    const text = 'Jeg skrev til dere 3. november kl. 10:15 om dette:\nSlett kontoen min.';

    expect(splitQuotedReply(text)).toEqual({ ownText: text, quotedText: '' });
  });
});
