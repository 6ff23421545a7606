import { STSClient } from '@aws-sdk/client-sts';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CommandError, UsageError } from '../../../infra/cli/cli-errors.js';
import { cliStaffActor, personFromCallerArn } from '../../../infra/cli/staff-actor.js';
import { USAGE } from '../../../infra/cli/usage.js';

/**
 * A real STS client whose HTTP handler answers GetCallerIdentity as STS does (the query protocol's
 * XML), so the SDK's own request building and parsing run; it records each request it was sent.
 */
function stsAnswering(arn: string) {
  const requests: string[] = [];
  const client = new STSClient({
    region: 'eu-north-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        requests.push(String(request.body ?? ''));
        const xml = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AROAEXAMPLE:x</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
        return { response: { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(xml)]) } };
      },
    } as never,
  });
  return { client, requests };
}

const noLocalUser = () => {
  throw new Error('the operating-system user must not be asked in AWS mode');
};

describe('the approver of a CLI decision in AWS mode', () => {
  it('is the person STS verifies: the IAM Identity Center session name', async () => {
    const sts = stsAnswering('arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DsrStaff_0123456789abcdef/kari.saksbehandler');

    const actor = await cliStaffActor({ aws: true, sts: sts.client, localUser: noLocalUser });

    expect(actor).toBe('staff:kari.saksbehandler');
    expect(sts.requests.join('')).toContain('Action=GetCallerIdentity');
  });

  it('gives two different people for two different signed-in sessions, and the same person for the same one', async () => {
    const kari = 'arn:aws:sts::123456789012:assumed-role/DsrStaff/kari.saksbehandler';
    const per = 'arn:aws:sts::123456789012:assumed-role/DsrStaff/per.saksbehandler';

    const first = await cliStaffActor({ aws: true, sts: stsAnswering(kari).client, localUser: noLocalUser });
    const again = await cliStaffActor({ aws: true, sts: stsAnswering(kari).client, localUser: noLocalUser });
    const second = await cliStaffActor({ aws: true, sts: stsAnswering(per).client, localUser: noLocalUser });

    expect(first).toBe(again);
    expect(second).not.toBe(first);
  });

  it('refuses --by: nobody names the approver in AWS mode, and STS is not even asked', async () => {
    const sts = stsAnswering('arn:aws:sts::123456789012:assumed-role/DsrStaff/kari.saksbehandler');

    await expect(cliStaffActor({ aws: true, by: 'per.saksbehandler', sts: sts.client, localUser: noLocalUser })).rejects.toBeInstanceOf(UsageError);
    expect(sts.requests).toEqual([]);
  });

  it('refuses an identity that names no person: the root user', async () => {
    const sts = stsAnswering('arn:aws:iam::123456789012:root');

    await expect(cliStaffActor({ aws: true, sts: sts.client, localUser: noLocalUser })).rejects.toBeInstanceOf(CommandError);
  });

  it('names an IAM user by its user name, without its path', () => {
    expect(personFromCallerArn('arn:aws:iam::123456789012:user/staff/per.saksbehandler')).toBe('per.saksbehandler');
    expect(personFromCallerArn('arn:aws-us-gov:sts::123456789012:assumed-role/DsrStaff/anne@obos.no')).toBe('anne@obos.no');
  });
});

describe('the approver of a CLI decision in local mode', () => {
  it('is --by when given, else the operating-system user, and STS is never asked', async () => {
    const sts = stsAnswering('arn:aws:sts::123456789012:assumed-role/DsrStaff/someone');

    expect(await cliStaffActor({ aws: false, by: 'anne', sts: sts.client, localUser: () => 'os-user' })).toBe('staff:anne');
    expect(await cliStaffActor({ aws: false, sts: sts.client, localUser: () => 'os-user' })).toBe('staff:os-user');
    expect(sts.requests).toEqual([]);
  });

  it('is documented in the help as local mode only', () => {
    const byLine = USAGE.split('\n').find((line) => line.trimStart().startsWith('--by NAME'));

    expect(byLine).toMatch(/LOCAL MODE ONLY/);
    expect(USAGE).toMatch(/refused with --aws/);
  });
});
