import { describe, expect, it } from 'vitest';
import { warningMail } from '../../../functions/domain/deadline-watch/warning-mail.js';
import { aWatchedCase } from './deadline-watch-fixture.js';

const BASE = 'https://personvern.example.no';

describe('warningMail', () => {
  it('names the case, the working days left and the due date, with a console link', () => {
    const row = aWatchedCase({ workingDaysLeft: 7, dueDate: '2026-12-23' });

    const mail = warningMail(row, 7, BASE);

    expect(mail.subject).toBe('Fristvarsel: 7 arbeidsdager igjen – personvernhenvendelse NK-20261123-7KQ4M2PX');
    expect(mail.text).toContain('har frist 23. desember 2026: 7 arbeidsdager igjen.');
    expect(mail.text).toContain('Gjelder: Innsyn i opplysningene om meg; Sletting av opplysningene om meg');
    expect(mail.text).toContain('Status: Venter på godkjenning');
    expect(mail.text).toContain(`${BASE}/console/requests/NK-20261123-7KQ4M2PX`);
    expect(mail.text).toContain('Et nytt varsel kommer når det er 2 arbeidsdager igjen.');
  });

  it('reminds staff that an extension is possible only while the first month runs', () => {
    expect(warningMail(aWatchedCase(), 7, BASE).text).toContain('kan fristen forlenges med inntil to måneder, men bare før fristen går ut');
    expect(warningMail(aWatchedCase({ extended: true }), 7, BASE).text).toContain('Fristen er allerede forlenget og kan ikke forlenges mer.');
  });

  it('says the 2-day warning is the last one, and speaks of today on the due date', () => {
    const mail = warningMail(aWatchedCase({ workingDaysLeft: 0 }), 2, BASE);

    expect(mail.subject).toBe('Fristvarsel: fristen går ut i dag – personvernhenvendelse NK-20261123-7KQ4M2PX');
    expect(mail.text).toContain('Dette er siste automatiske varsel før fristen.');
  });

  it('promises no later warning when the 7-day one goes out with 2 or fewer days left', () => {
    expect(warningMail(aWatchedCase({ workingDaysLeft: 2 }), 7, BASE).text).toContain('Dette er siste automatiske varsel før fristen.');
  });

  it('uses the singular for one working day', () => {
    expect(warningMail(aWatchedCase({ workingDaysLeft: 1 }), 2, BASE).subject).toContain('1 arbeidsdag igjen');
  });
});
