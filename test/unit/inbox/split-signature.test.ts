import { describe, expect, it } from 'vitest';
import { splitSignature } from '../../../functions/domain/inbox/parsing/split-signature.js';

describe('splitSignature', () => {
  it.each([
    ['nb', 'Mvh'],
    ['nb', 'Med vennlig hilsen'],
    ['nb', 'Vennlig hilsen'],
    ['nb', 'Hilsen'],
    ['nn', 'Helsing'],
    ['nn', 'Venleg helsing'],
    ['da', 'Med venlig hilsen'],
    ['sv', 'Med vänliga hälsningar'],
    ['en', 'Best regards,'],
    ['en', 'Kind regards,'],
  ])('keeps the %s closing "%s" and the name block under it out of the own text', (_language, closing) => {
    const split = splitSignature(`Jeg vil slette kontoen min.\n\n${closing}\nKari Nordmann\nStorgata 1\n0155 Oslo`);

    expect(split.ownText).toBe('Jeg vil slette kontoen min.');
    expect(split.signature).toBe(`${closing}\nKari Nordmann\nStorgata 1\n0155 Oslo`);
  });

  it('takes a closing with the name on the same line ("Hilsen Kari", "Mvh Per Arne Lunde")', () => {
    expect(splitSignature('Slett meg.\n\nMvh Per Arne Lunde').ownText).toBe('Slett meg.');
    expect(splitSignature('Slett meg.\nHilsen Kari').ownText).toBe('Slett meg.');
  });

  it('cuts at the "-- " delimiter, even where the signature says "innsyn" or "slett"', () => {
    const split = splitSignature('Trenger et møterom torsdag.\n\n-- \nRuud Regnskap AS – full innsyn i økonomien din\nVi sletter aldri bilagene dine.');

    expect(split.ownText).toBe('Trenger et møterom torsdag.');
    expect(split.signature).toContain('innsyn');
  });

  it.each(['Sent from my iPhone', 'Sendt fra min iPhone', 'Skickat från min iPhone', 'Sendt fra min Samsung Galaxy-smarttelefon.', 'Get Outlook for Android'])(
    'treats the mobile footer "%s" as signature',
    (footer) => {
      expect(splitSignature(`please erase my data\n\n${footer}`)).toEqual({ ownText: 'please erase my data', signature: footer });
    },
  );

  it('moves a confidentiality disclaimer that says "vennligst slett den" into the signature', () => {
    const split = splitSignature(
      'Kan dere sende en kreditnota?\n\nMed vennlig hilsen\n\nCamilla Berntsen\nØkonomiansvarlig\n\nDenne e-posten kan inneholde konfidensiell informasjon. Hvis du har mottatt den ved en feil, vennligst slett den.',
    );

    expect(split.ownText).toBe('Kan dere sende en kreditnota?');
    expect(split.signature).toContain('vennligst slett den');
  });

  it('moves a trailing disclaimer into the signature even without a closing', () => {
    const split = splitSignature(
      'On behalf of our client we request erasure.\n\nRebecca Shaw\n\nThis email is confidential. If you are not the intended recipient, please delete it.',
    );

    expect(split.ownText).toBe('On behalf of our client we request erasure.\n\nRebecca Shaw');
  });

  it('keeps a PS after the signature as the sender’s own text', () => {
    const split = splitSignature('Har dere ledig dagplass?\n\nMvh\nHege\n\nPS: Kan dere også slette bildet av meg på nettsiden?');

    expect(split.ownText).toBe('Har dere ledig dagplass?\n\nPS: Kan dere også slette bildet av meg på nettsiden?');
    expect(split.signature).toBe('Mvh\nHege');
  });

  it('keeps a paragraph of sentences written after the closing', () => {
    const split = splitSignature('Hei.\n\nHilsen\nKari\n\nGlemte å si det: jeg vil også at dere sletter telefonnummeret mitt fra kundelisten.');

    expect(split.ownText).toContain('sletter telefonnummeret mitt');
  });

  it('does not cut at a closing word that starts a real sentence', () => {
    const text = 'Hei!\nHilsen fra Kari, jeg vil gjerne slette kontoen min.';

    expect(splitSignature(text)).toEqual({ ownText: text, signature: '' });
  });

  it('does not cut a message that is only a thank-you', () => {
    expect(splitSignature('Takk!\n\nKari')).toEqual({ ownText: 'Takk!\n\nKari', signature: '' });
  });
});
