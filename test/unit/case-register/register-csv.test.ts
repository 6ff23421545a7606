import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, UTF8_BOM } from '../../../functions/domain/case-register/csv-format.js';
import { REGISTER_COLUMNS, registerCsv, registerCsvFileName } from '../../../functions/domain/case-register/register-csv.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { aCarriedOutCase, aCase, mail } from './case-fixture.js';
import { parseCsv } from './csv-parser.js';

const HEADER = [
  'referanse',
  'typer',
  'kanal',
  'mottatt',
  'mottaksdato',
  'frist',
  'opprinnelig_frist',
  'forlenget',
  'besvart_dato',
  'avsluttet_dato',
  'utfall',
  'besvart_i_tide',
];

/** A closed, extended, staff-handled request with personal data and free text in every field that can hold them. */
function aRequestFullOfPersonalData(): RightsRequest {
  return aCarriedOutCase('2026-11-02', '2027-02-02', '2026-12-20T08:00:00.000Z', {
    requester: { name: 'Åse Ærlig-Øvrebø', email: 'ase.ovrebo@eksempel.no', phone: '+47 912 34 567' },
    details: 'Jeg bor i Storgata 5 og vil vite alt om adgangsloggen min.',
    extended: true,
    extension: { reason: 'Saken krever gjennomgang av arkiv', by: 'staff:kari.saksbehandler', at: '2026-11-20T08:00:00.000Z', originalDueDate: '2026-12-02' },
    decision: { outcome: 'approved', decidedBy: 'staff:per.godkjenner', decidedAt: '2026-12-19T08:00:00.000Z', reason: 'Innvilget etter samtale' },
    verification: { status: 'verified', subject: 'customer', method: 'manual', verifiedBy: 'staff:lise.kontroll', reason: 'Kjent fra resepsjonen' },
    approvals: [{ by: 'staff:per.godkjenner', at: '2026-12-19T08:00:00.000Z', reason: 'Sjekket mot kundekort' }],
    assignee: { username: 'kari.saksbehandler', at: '2026-11-03T08:00:00.000Z' },
    customerIds: ['CUST-998877'],
    gathered: { billing: 'gathered/secret-billing-key.json' },
    planKey: 'plans/secret-plan-key.json',
    mailsSent: { reply: mail('2026-12-20T08:00:00.000Z') },
  });
}

describe('registerCsv', () => {
  it('starts with a UTF-8 byte-order mark and a Norwegian header row', () => {
    const csv = registerCsv([]);

    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([HEADER]);
    expect(REGISTER_COLUMNS.map(([header]) => header)).toEqual(HEADER);
  });

  it('returns one CRLF-terminated record per request, oldest receipt first', () => {
    const csv = registerCsv([aCase('2026-11-20'), aCarriedOutCase('2026-10-05', '2026-11-05', '2026-10-30T08:00:00.000Z')]);

    const records = parseCsv(csv.slice(1));

    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual([
      'NK-20261005-CASE',
      'access;erasure',
      'web',
      '2026-10-05T13:00:00.000+02:00', // received 12:00+01:00, shown in Oslo summer time
      '2026-10-05',
      '2026-11-05',
      '2026-11-05',
      'nei',
      '2026-10-30',
      '2026-10-30',
      'carried_out',
      'ja',
    ]);
    expect(records[2]?.[0]).toBe('NK-20261120-CASE');
    expect(records[2]?.[10]).toBe('open');
  });

  it('contains none of the personal data or free text of the request', () => {
    // Prepare
    const request = aRequestFullOfPersonalData();
    const secrets = [
      request.requester.name,
      request.requester.email ?? '',
      request.requester.phone ?? '',
      request.details ?? '',
      request.extension?.reason ?? '',
      request.decision?.reason ?? '',
      request.verification?.reason ?? '',
      request.approvals?.[0]?.reason ?? '',
      'kari.saksbehandler',
      'per.godkjenner',
      'lise.kontroll',
      'CUST-998877',
      'secret-billing-key',
      'secret-plan-key',
      'msg-',
    ];
    // Act
    const csv = registerCsv([request]);
    // Assess
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(3);
      expect(csv).not.toContain(secret);
    }
    expect(csv.toLowerCase()).not.toMatch(/ærlig|øvrebø|storgata|@/);
    expect(parseCsv(csv.slice(1))[1]).toEqual([
      'NK-20261102-CASE',
      'access;erasure',
      'web',
      '2026-11-02T12:00:00.000+01:00',
      '2026-11-02',
      '2027-02-02',
      '2026-12-02',
      'ja',
      '2026-12-20',
      '2026-12-20',
      'carried_out',
      'ja',
    ]);
  });

  it('names the download after the date it was taken', () => {
    expect(registerCsvFileName('2026-12-01')).toBe('saksregister-2026-12-01.csv');
  });
});

describe('csvField', () => {
  it('leaves a plain code as it is', () => {
    expect(csvField('carried_out')).toBe('carried_out');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['si "hei"', '"si ""hei"""'],
    ['linje 1\r\nlinje 2', '"linje 1\r\nlinje 2"'],
    ['linje 1\nlinje 2', '"linje 1\nlinje 2"'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['=SUM(A1:A2)', '+4712345678', '-1', '@cmd', '\tx', '\rx'])('puts an apostrophe before %j so no spreadsheet runs it', (value) => {
    const field = csvField(value);

    expect(parseCsv(`${field}\r\n`)[0]?.[0]).toBe(`'${value}`);
  });

  it('quotes a formula that also holds a quote, keeping the apostrophe inside the quotes', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it('keeps æøå as they are, for the byte-order mark to declare', () => {
    expect(csvDocument([['blåbærsyltetøy']])).toBe(`${UTF8_BOM}blåbærsyltetøy\r\n`);
  });
});
