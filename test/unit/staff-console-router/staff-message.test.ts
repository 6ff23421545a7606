import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { renderStaffMessage, STAFF_MESSAGE_LANGUAGES, STAFF_MESSAGE_TEMPLATES } from '../../../functions/domain/staff-messages/staff-message-templates.js';
import { REQUEST_ID, REQUESTER } from '../fixtures/rights-request-fixture.js';
import { mainText } from '../staff-console/console-page-checks.js';
import { consoleWorld, header, routeEvent, SAME_ORIGIN, TOKENS } from './console-world.js';

const STAFF = TOKENS.staff;
const KEY = '3c1f0e2a-9b8d-4c7e-8f6a-1d2c3b4a5e6f';
const post = (form: readonly (readonly [string, string])[]) =>
  routeEvent({ method: 'POST', path: '/console/requests/{id}/message' }, { token: STAFF, headers: { ...SAME_ORIGIN }, form: [...form, ['csrf', csrfToken(STAFF)]] });

describe('POST /console/requests/{id}/message', () => {
  it('mails the requester the template in the chosen language with the reference in the subject, and records it in the case', async () => {
    const world = consoleWorld();

    const response = await world.console(post([['template', 'mandate'], ['language', 'nn'], ['text', 'Legg ved fullmakta frå mor di.'], ['message_key', KEY]]));

    expect(header(response, 'location')).toBe(`/console/requests/${REQUEST_ID}?done=message`);
    expect(world.mailer.attempts).toHaveLength(1);
    const mail = world.mailer.attempts[0]!;
    expect(mail).toMatchObject({ to: REQUESTER.email, purpose: 'staff-message', letterId: `staff-message#${KEY}`, requestId: REQUEST_ID });
    expect(mail.subject).toBe(`Vi treng ei fullmakt – referanse ${REQUEST_ID}`);
    expect(mail.text).toContain('Legg ved fullmakta frå mor di.');
    const entry = (await world.store.auditTrail(REQUEST_ID)).find((e) => e.event === 'message.sent');
    expect(entry).toMatchObject({ actor: 'staff:kari.saksbehandler', reason: 'Legg ved fullmakta frå mor di.', detail: { template: 'mandate', language: 'nn' } });
    const page = await world.console(routeEvent({ method: 'GET', path: '/console/requests/{id}' }, { token: STAFF }));
    expect(mainText(page.body ?? '')).toContain('Melding sendt til den registrerte');
    expect(mainText(page.body ?? '')).toContain('Legg ved fullmakta frå mor di.');
  });

  it('sends one message for a form sent twice (the same key)', async () => {
    const world = consoleWorld();
    const form = [['template', 'answer'], ['language', 'en'], ['text', 'We keep invoices for five years.'], ['message_key', KEY]] as const;

    await world.console(post(form));
    await world.console(post(form));

    expect(world.mailer.attempts).toHaveLength(1);
    expect((await world.store.auditTrail(REQUEST_ID)).filter((e) => e.event === 'message.sent')).toHaveLength(1);
  });

  it('refuses a clarification without text, an unknown language or template, keeping what was typed, sending nothing', async () => {
    const world = consoleWorld();
    const before = await world.snapshot();

    const empty = await world.followRefusal(await world.console(post([['template', 'clarification'], ['language', 'nb'], ['text', '  '], ['message_key', KEY]])));
    const language = await world.followRefusal(await world.console(post([['template', 'answer'], ['language', 'sv'], ['text', 'Hej på deg'], ['message_key', KEY]])));
    const template = await world.followRefusal(await world.console(post([['template', 'threat'], ['language', 'nb'], ['text', 'Hei'], ['message_key', KEY]])));

    expect([empty.statusCode, language.statusCode, template.statusCode]).toEqual([400, 400, 400]);
    expect(empty.body).toContain('Skriv teksten i e-posten');
    expect(language.body).toContain('Velg bokmål, nynorsk eller engelsk.');
    expect(language.body).toContain('Hej på deg');
    expect(await world.snapshot()).toBe(before);
  });
});

describe('renderStaffMessage', () => {
  it('has every template in nb, nn and en, each with the reference in the subject and a signature', () => {
    for (const language of STAFF_MESSAGE_LANGUAGES) {
      for (const template of STAFF_MESSAGE_TEMPLATES) {
        const letter = renderStaffMessage({ template, language, reference: REQUEST_ID, staffText: 'Tekst fra saksbehandler.' });
        expect(letter.subject, `${language} ${template}`).toContain(REQUEST_ID);
        expect(letter.text, `${language} ${template}`).toContain('Tekst fra saksbehandler.');
        expect(letter.text, `${language} ${template}`).toContain('OBOS Nærkontor AS');
      }
    }
    expect(renderStaffMessage({ template: 'clarification', language: 'nn', reference: 'NK-1' }).text).toContain('Venleg helsing');
  });
});
