import { describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../../functions/domain/mail/mailer.js';
import type { PostalAddress } from '../../../functions/domain/request/rights-request.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { submitCode } from '../../../functions/domain/verification/submit-code.js';
import { verifyManually } from '../../../functions/domain/verification/verify-manually.js';
import { sendMailOnce } from '../../../functions/domain/workflow/send-mail-once.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { KARI_ID, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

/** Where the customer lives, as the subscription store has it. */
const REGISTERED: PostalAddress = { street: 'Kirkeveien 12', postalCode: '0368', city: 'Oslo' };
/** What a letter to the post box said: the registered phone, another address (a stranger's, perhaps). */
const TYPED: PostalAddress = { street: 'Fremmedveien 9', postalCode: '5003', city: 'Bergen' };

/** A post request without e-mail, naming the customer's phone but another address. */
function postWorld(profiles = [aProfile({ name: 'Kari Registrert Nordmann', address: REGISTERED })]) {
  return verificationWorld(
    { channel: 'post', requester: { name: 'Kari Nordmann', phone: REQUESTER.phone, postalAddress: TYPED } },
    { profiles },
  );
}

const streetOf = (mail: OutgoingMail): string | undefined => mail.postal?.recipient.address.street;

/** Sends the reply as the workflow does and answers where it went. */
async function replyGoesTo(world: ReturnType<typeof postWorld>) {
  const request = (await world.store.get(REQUEST_ID))!;
  await sendMailOnce(world.deps, request, 'reply', { subject: 'Svar', text: 'Kopien følger med.' }, 'system:reply');
  return world.mailer.sent.find((mail) => mail.purpose === 'reply')!.postal!.recipient;
}

describe('the answer to a requester without e-mail goes to the postal address registered for the customer', () => {
  it('after the code letter to the registered address was used: the reply goes there, in the registered name, never to the typed address', async () => {
    const world = postWorld();
    await startVerification(world.deps, REQUEST_ID);
    const registeredLetter = world.mailer.sent.find((mail) => streetOf(mail) === REGISTERED.street)!;
    expect(world.mailer.sent.map(streetOf).sort()).toEqual([REGISTERED.street, TYPED.street].sort());

    expect(await submitCode(world.deps, REQUEST_ID, codeIn(registeredLetter.text))).toEqual({ outcome: 'verified' });

    expect((await world.store.get(REQUEST_ID))?.verification?.answerTo).toEqual({ name: 'Kari Registrert Nordmann', address: REGISTERED });
    expect(await replyGoesTo(world)).toEqual({ name: 'Kari Registrert Nordmann', address: REGISTERED });
  });

  it('after the code letter to the typed address was used: it proves that address only, and the reply (about no customer) goes there', async () => {
    const world = postWorld();
    await startVerification(world.deps, REQUEST_ID);
    const typedLetter = world.mailer.sent.find((mail) => streetOf(mail) === TYPED.street)!;

    await submitCode(world.deps, REQUEST_ID, codeIn(typedLetter.text));

    const stored = (await world.store.get(REQUEST_ID))!;
    expect(stored.verification).toMatchObject({ status: 'verified', subject: 'address' });
    expect(stored.verification?.answerTo).toBeUndefined();
    expect(await replyGoesTo(world)).toEqual({ name: 'Kari Nordmann', address: TYPED });
  });

  it('after staff verified by calling the registered number: the reply goes to the registered address, not the typed one', async () => {
    const world = postWorld();
    await startVerification(world.deps, REQUEST_ID);

    await verifyManually(world.deps, REQUEST_ID, { actor: 'staff:kari.saksbehandler', reason: 'Ringte registrert nummer, bekreftet kundeforholdet.' });

    expect((await world.store.get(REQUEST_ID))?.customerIds).toEqual([KARI_ID]);
    expect(await replyGoesTo(world)).toEqual({ name: 'Kari Registrert Nordmann', address: REGISTERED });
  });
});
