import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Days a backup is kept: as long as the requests table's point-in-time recovery window (35 days,
 * DynamoDB's maximum), so erased personal data lingers in recovery copies for one stated period.
 */
export const BACKUP_RETENTION_DAYS = 35;

/** A resource to back up, with the key its data is encrypted with. */
export interface BackedUpResource {
  readonly resource: dynamodb.ITable | s3.IBucket;
  readonly key: kms.IKey;
}

/** Properties of {@link DataBackup}. */
export interface DataBackupProps {
  /** The requests table and the buckets; every one is backed up daily. */
  readonly resources: Readonly<Record<string, BackedUpResource>>;
  /**
   * A backup vault in another AWS account (`arn:aws:backup:<region>:<account>:backup-vault:<name>`)
   * to copy every backup to, so a compromised or closed account does not take the backups with it.
   *
   * @default no copy
   */
  readonly copyVaultArn?: string;
}

/**
 * The AWS Backup plan for the data the stack owns: a vault encrypted with its own key (kept when
 * the stack is deleted), a daily backup at 03:00 UTC of the requests table and the buckets, kept
 * {@link BACKUP_RETENTION_DAYS} days, and optionally a copy of each backup to a vault in another
 * account. The plan complements, not replaces, the table's point-in-time recovery: PITR restores
 * to any second of the last 35 days; a backup survives the table's deletion and can leave the
 * account.
 */
export class DataBackup extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;
  /** The role AWS Backup uses to back up and restore (S3 needs policies of its own). */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DataBackupProps) {
    super(scope, id);
    const vaultKey = new kms.Key(this, 'VaultKey', {
      description: 'Encrypts the backups of the GDPR request pipeline',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: vaultKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const copyActions: backup.BackupPlanCopyActionProps[] =
      props.copyVaultArn === undefined
        ? []
        : [
            {
              destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', props.copyVaultArn),
              deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
            },
          ];
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'daily',
        scheduleExpression: events.Schedule.cron({ minute: '0', hour: '3' }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
        copyActions,
      }),
    );

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: backs up and restores the requests table and the buckets',
      managedPolicies: [
        'service-role/AWSBackupServiceRolePolicyForBackup',
        'service-role/AWSBackupServiceRolePolicyForRestores',
        'AWSBackupServiceRolePolicyForS3Backup',
        'AWSBackupServiceRolePolicyForS3Restore',
      ].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    for (const { key } of Object.values(props.resources)) key.grantEncryptDecrypt(this.role);
    Validations.of(this.role).acknowledge(
      ...[
        'service-role/AWSBackupServiceRolePolicyForBackup',
        'service-role/AWSBackupServiceRolePolicyForRestores',
        'AWSBackupServiceRolePolicyForS3Backup',
        'AWSBackupServiceRolePolicyForS3Restore',
      ].map((name) => ({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`,
        reason: 'AWS Backup documents these managed policies as the backup role; AWS keeps them in step with the services it backs up',
      })),
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason: 'CDK grantEncryptDecrypt on the data keys only (backups of encrypted tables and buckets re-encrypt under the vault key)',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason: 'CDK grantEncryptDecrypt on the data keys only (backups of encrypted tables and buckets need new data keys)',
      },
    );

    this.plan.addSelection('Data', {
      role: this.role,
      resources: Object.values(props.resources).map(({ resource }) =>
        'tableArn' in resource ? backup.BackupResource.fromDynamoDbTable(resource) : backup.BackupResource.fromArn(resource.bucketArn),
      ),
    });
  }
}
