import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { CommandError, UsageError } from './cli-errors.js';

/** What the CLI knows about who runs it, and how it may ask. */
export interface StaffActorSource {
  /** `--aws`: the approver is the caller's verified AWS identity; never an argument. */
  readonly aws: boolean;
  /** `--by NAME`: a name for local mode only, where there is no identity to verify. */
  readonly by?: string;
  /** STS, asked only in AWS mode. */
  readonly sts: Pick<STSClient, 'send'>;
  /** The operating-system user, the local default. */
  readonly localUser: () => string;
}

/**
 * The person an ARN from STS GetCallerIdentity names. A role session names the person by its
 * session name: IAM Identity Center sets it to the signed-in user's name, and a staff role's trust
 * policy should require it to be the caller's user name (`sts:RoleSessionName` = `${aws:username}`)
 * for roles assumed otherwise. An IAM user is named by its user name. The root user and other
 * principals name no person, so no approval can be recorded for them.
 */
export function personFromCallerArn(arn: string): string {
  const match = /^arn:aws[\w-]*:(?:sts|iam)::\d{12}:(assumed-role|user|federated-user)\/(.+)$/.exec(arn);
  if (!match) throw new CommandError('your AWS identity names no person (root user or an unknown principal); sign in as yourself, e.g. through IAM Identity Center');
  const [, kind, rest] = match;
  // assumed-role/<role name>/<session name>; user/<path>/<name>; federated-user/<name>
  const person = kind === 'assumed-role' ? rest!.slice(rest!.indexOf('/') + 1) : rest!.slice(rest!.lastIndexOf('/') + 1);
  if (kind === 'assumed-role' && !rest!.includes('/')) throw new CommandError('your AWS role session has no session name to identify you by');
  if (!/^[\w.@+=,-]{1,64}$/.test(person)) throw new CommandError('your AWS identity has a session or user name the audit trail cannot take');
  return person;
}

/**
 * The actor a staff command (approve, reject, verify, extend) records: in AWS mode the person STS
 * verifies the caller to be — so two approvals of an erasure are two people, never two names one
 * person typed; locally `--by` or the operating-system user, since local mode has no identities.
 */
export async function cliStaffActor(source: StaffActorSource): Promise<string> {
  if (!source.aws) return `staff:${source.by ?? source.localUser()}`;
  if (source.by !== undefined) {
    throw new UsageError('--by is for local mode only; with --aws the approver is your verified AWS identity (STS GetCallerIdentity)');
  }
  const { Arn } = await source.sts.send(new GetCallerIdentityCommand({}));
  if (!Arn) throw new CommandError('STS did not say who you are; check your AWS credentials');
  return `staff:${personFromCallerArn(Arn)}`;
}
