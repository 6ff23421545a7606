import { describe, expect, it } from 'vitest';
import { assessDeadlines } from '../../../functions/domain/deadline-watch/assess-deadlines.js';
import { digestMail, digestRequestId } from '../../../functions/domain/deadline-watch/digest-mail.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';
import { aCase } from './deadline-watch-fixture.js';

const BASE = 'https://personvern.example.no/';
const today = '2026-12-01'; // Tuesday

describe('digestMail', () => {
  const overdueLong = aCase('2026-11-20', { status: 'needs_attention', types: ['erasure'] });
  const overdueYesterday = aCase('2026-11-30', { status: 'awaiting_approval' });
  const dueThursday = aCase('2026-12-03', { status: 'gathering', types: ['access'] });
  const dueInSeven = aCase('2026-12-10', { status: 'received' });
  const extended = aCase('2026-12-09', { status: 'extended', extended: true });
  const farAway = aCase('2026-12-31');
  const assessment = assessDeadlines([farAway, dueInSeven, dueThursday, overdueYesterday, extended, overdueLong], today);

  it('counts overdue and short-deadline cases in the subject, with the day in Norwegian', () => {
    expect(digestMail({ assessment, publicBaseUrl: BASE }).subject).toBe(
      'Personvernhenvendelser: 2 over fristen, 3 med kort frist (1. desember 2026)',
    );
  });

  it('lists overdue cases first, then short deadlines, each by due date, and leaves out the rest', () => {
    const { text } = digestMail({ assessment, publicBaseUrl: BASE });

    const positions = [overdueLong, overdueYesterday, dueThursday, extended, dueInSeven].map((request) => text.indexOf(request.id));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.indexOf('OVER FRISTEN')).toBeLessThan(text.indexOf('KORT FRIST'));
    expect(text).not.toContain(farAway.id);
  });

  it('describes each case by rights, status, due date and working days left, with a console link', () => {
    const { text } = digestMail({ assessment, publicBaseUrl: BASE });

    expect(text).toContain(`https://personvern.example.no/console/requests/${dueThursday.id}`);
    expect(text).toContain('Gjelder: Innsyn i opplysningene om meg');
    expect(text).toContain('Status: Innhenter data');
    expect(text).toContain('Frist: 3. desember 2026 – 2 arbeidsdager igjen');
    expect(text).toContain('Frist: 20. november 2026 – 7 arbeidsdager over fristen');
    expect(text).toContain('Status: Trenger behandling');
    expect(text).toContain('Frist: 9. desember 2026 (forlenget) – 6 arbeidsdager igjen');
  });

  it('carries no requester name, e-mail address or phone number', () => {
    const { subject, text } = digestMail({ assessment, publicBaseUrl: BASE });

    for (const value of Object.values(REQUESTER)) {
      expect(subject + text).not.toContain(value);
    }
  });

  it('says no case needs action, with the number of open cases, when nothing is urgent', () => {
    const calm = assessDeadlines([farAway, aCase('2027-01-15'), aCase('2027-02-01')], today);

    const mail = digestMail({ assessment: calm, publicBaseUrl: BASE });

    expect(mail.subject).toBe('Personvernhenvendelser: 0 over fristen, 0 med kort frist (1. desember 2026)');
    expect(mail.text).toContain('Ingen saker trenger handling i dag.');
    expect(mail.text).toContain('3 saker venter på svar');
    expect(mail.text).toMatch(/https:\/\/personvern\.example\.no\/console$/m);
  });

  it('still reads correctly when there are no open cases at all', () => {
    const { text } = digestMail({ assessment: assessDeadlines([], today) });

    expect(text).toContain('Ingen saker trenger handling i dag.');
    expect(text).toContain('0 saker venter på svar');
  });

  it('tells staff when warnings could not be sent', () => {
    expect(digestMail({ assessment, warningsFailed: 1 }).text).toContain('Ett fristvarsel kunne ikke sendes i dag');
    expect(digestMail({ assessment, warningsFailed: 3 }).text).toContain('3 fristvarsler kunne ikke sendes i dag');
    expect(digestMail({ assessment }).text).not.toContain('fristvarsel');
  });

  it('is sent under one request id per Oslo day', () => {
    expect(digestRequestId(today)).toBe('digest-2026-12-01');
  });
});
