import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_RETENTION_DAYS, DataBackup } from '../../infra/constructs/data-backup.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, testSettings, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

const COPY_VAULT = 'arn:aws:backup:eu-west-1:222222222222:backup-vault:obos-dsr-offsite';

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };

describe('AWS Backup of the requests table and the buckets', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack({ inboxEnabled: 'true', region: 'eu-west-1', backupCopyVaultArn: COPY_VAULT });
  }, SYNTH_TIMEOUT_MS);

  const only = (type: string): Resource => {
    const found = Object.values(synth.template.findResources(type)) as Resource[];
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };

  it('keeps backups in a vault of its own, encrypted with its own key and kept when the stack is deleted', () => {
    const vault = only('AWS::Backup::BackupVault');
    expect(vault.DeletionPolicy).toBe('Retain');
    const [keyId, attribute] = (vault.Properties.EncryptionKeyArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
    expect(attribute).toBe('Arn');
    expect(synth.template.findResources('AWS::KMS::Key')[keyId]).toMatchObject({ DeletionPolicy: 'Retain' });
    for (const dataKey of [synth.stack.requests.key, synth.stack.requestData.key]) expect(keyId).not.toBe(synth.logicalId(dataKey));
  });

  it(`backs up daily and keeps each backup ${BACKUP_RETENTION_DAYS} days, copying it to the vault in the other account`, () => {
    const plan = only('AWS::Backup::BackupPlan').Properties.BackupPlan as { BackupPlanRule: Record<string, unknown>[] };
    expect(plan.BackupPlanRule).toHaveLength(1);
    expect(plan.BackupPlanRule[0]).toMatchObject({
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Lifecycle: { DeleteAfterDays: BACKUP_RETENTION_DAYS },
      CopyActions: [{ DestinationBackupVaultArn: COPY_VAULT, Lifecycle: { DeleteAfterDays: BACKUP_RETENTION_DAYS } }],
    });
  });

  it('selects the requests table and both buckets', () => {
    const selection = only('AWS::Backup::BackupSelection').Properties.BackupSelection as { Resources: unknown[] };
    const resources = JSON.stringify(selection.Resources);
    expect(resources).toContain(synth.logicalId(synth.stack.requests.table));
    expect(resources).toContain(synth.logicalId(synth.stack.requestData.bucket));
    expect(resources).toContain(synth.logicalId(synth.stack.inboundMail!.bucket));
    expect(selection.Resources).toHaveLength(3);
  });

  it('backs up with a role that has the S3 backup and restore policies and may use the data keys', () => {
    const role = synth.template.findResources('AWS::IAM::Role')[synth.logicalId(synth.stack.backup.role)] as Resource;
    const policies = JSON.stringify(role.Properties.ManagedPolicyArns);
    for (const name of ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores', 'AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore']) {
      expect(policies).toContain(name);
    }
    const granted = JSON.stringify(synth.template.findResources('AWS::IAM::Policy'));
    for (const key of [synth.stack.requests.key, synth.stack.requestData.key, synth.stack.inboundMail!.key]) {
      expect(granted).toContain(synth.logicalId(key));
    }
  });

  it('copies nowhere without the setting', () => {
    const stack = new Stack();
    const key = new kms.Key(stack, 'Key');
    new DataBackup(stack, 'Backup', {
      resources: {
        table: { resource: new dynamodb.Table(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }), key },
        bucket: { resource: new s3.Bucket(stack, 'B'), key },
      },
    });
    const plan = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupPlan'))[0] as Resource;
    const rules = (plan.Properties.BackupPlan as { BackupPlanRule: { CopyActions?: unknown[] }[] }).BackupPlanRule;
    expect(rules.flatMap((rule) => rule.CopyActions ?? [])).toEqual([]);
  });

  it('refuses a copy vault setting that is not a backup vault ARN', () => {
    expect(() => testSettings({ backupCopyVaultArn: 'arn:aws:s3:::some-bucket' })).toThrow(/backupCopyVaultArn/);
    expect(testSettings({ backupCopyVaultArn: COPY_VAULT }).backupCopyVaultArn).toBe(COPY_VAULT);
  });
});
