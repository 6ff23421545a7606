import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store.js';
import { ExportPackageSchema } from '../../../functions/domain/export/export-package.js';
import { DEFAULT_RECIPIENT_DIRECTORY } from '../../../functions/domain/recipients/recipient-directory.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { s3Client } from '../../../functions/platform/aws-clients/s3.js';
import { LOCAL_DATA_BUCKET } from '../../../infra/local/local-stack.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { enterCode, latestCode, staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { seedFeatured } from '../../support/seeded-customers.js';

let fixture: StackFixture;
const PERSON = { name: 'Frida Fullstendig', email: 'frida.fullstendig@example.no', subscriptions: 'ended' } as const;
const objects = () => new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET);

const mail = (subject: string, text: string) =>
  createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
    from: `${PERSON.name} <${PERSON.email}>`,
    to: 'naerkontor@obos.no',
    subject,
    text,
  });

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([PERSON]);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

describe('the whole copy (Art. 15(1), 15(3))', () => {
  it('holds the earlier case with its outcome, the mails both ways, the audit trail, the named recipients and what is held elsewhere', async () => {
    // An earlier request from the same person, refused with reasons.
    const earlier = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['restriction'] });
    await staffPost(fixture, earlier, 'decision', { outcome: 'rejected', reason: 'Opplysningene er riktige, og vi har ikke grunnlag for å begrense.' });
    await waitForStatus(fixture, earlier, 'closed');

    // This request comes by e-mail, with a follow-up mail in the case.
    const mailsBefore = (await outbox(fixture.stack.urls.ses, PERSON.email)).length;
    await mail('Innsyn', 'Hei!\n\nJeg ber om innsyn i alle personopplysningene dere har om meg.\n\nMvh\nFrida');
    const acknowledgement = await eventually(
      async () => (await outbox(fixture.stack.urls.ses, PERSON.email)).slice(mailsBefore).find((m) => /referanse NK-/.test(m.subject)),
      'acknowledgement',
      400,
    );
    const id = /referanse (NK-\d{8}-[0-9A-Z]{8})/.exec(acknowledgement.subject)![1]!;
    await waitForStatus(fixture, id, 'awaiting_verification');
    await mail(`Re: ${acknowledgement.subject}`, 'Takk. Jeg venter på svaret.');
    await eventually(
      async () => ((await fixture.store.auditTrail(id)).some((entry) => entry.event === 'mail.followup_received') ? true : undefined),
      'the follow-up in the case',
      400,
    );
    await enterCode(fixture, id, await latestCode(fixture, PERSON.email, mailsBefore));
    await waitForStatus(fixture, id, 'awaiting_approval');
    await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    await waitForStatus(fixture, id, 'closed');

    const pkg = ExportPackageSchema.parse(await objects().getJson(OBJECT_KEYS.exportPackage(id)));
    expect(pkg.earlierRequests).toEqual([
      expect.objectContaining({ reference: earlier, types: ['restriction'], outcome: 'refused', closedAt: expect.any(String) }),
    ]);
    const received = pkg.correspondence.filter((item) => item.direction === 'received');
    expect(received.map((item) => item.reference)).toEqual([id, id]);
    const sent = pkg.correspondence.filter((item) => item.direction === 'sent');
    expect(sent.filter((item) => item.reference === earlier).map((item) => item.summary)).toEqual(
      expect.arrayContaining(['Bekreftelse på at vi mottok henvendelsen, med frist for svar', 'Engangskode for å bekrefte hvem du er', 'Svaret vårt på henvendelsen']),
    );
    expect(sent.some((item) => item.reference === id && item.summary.startsWith('Bekreftelse'))).toBe(true);
    expect(pkg.auditTrail.map((entry) => entry.event)).toEqual(expect.arrayContaining(['mail.request_received', 'mail.followup_received', 'decision.approved']));
    expect(JSON.stringify(pkg.auditTrail)).not.toContain('staff:');
    expect(pkg.notHeld.map((entry) => entry.id)).toEqual(expect.arrayContaining(['cookies', 'min_profil', 'employer']));
    const platform = DEFAULT_RECIPIENT_DIRECTORY.find((recipient) => recipient.id === 'email_platform')!;
    expect(pkg.recipients).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Unloc AS', country: 'NO', outsideEea: false }),
        expect.objectContaining({ name: platform.name, country: 'US', outsideEea: true, safeguard: platform.safeguard }),
      ]),
    );

    const report = await objects().getText(OBJECT_KEYS.exportReport(id));
    expect(report).toContain(earlier);
    expect(report).toContain('Avslått med begrunnelse');
    expect(report).toContain('E-posten din som startet saken');
    expect(report).toContain('Informasjonskapsler (cookies)');
    expect(report).toContain(platform.name);

    const reply = (await outbox(fixture.stack.urls.ses, PERSON.email)).find((m) => m.subject.includes(id) && m.subject.includes('behandlet'));
    expect(reply?.body.text).toContain('Opplysninger som ligger andre steder');
    expect(reply?.body.text).toContain('«Min profil»');
    expect(reply?.body.text).toContain('Unloc AS');
    expect(reply?.body.text).toContain(`${platform.name}, utsending av nyhetsbrev på e-post, USA`);
    expect(reply?.body.text).toContain('artikkel 45');
  });
});
