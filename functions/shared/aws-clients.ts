import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { S3Client } from '@aws-sdk/client-s3';

/**
 * SDK clients, created once per process. Endpoints come from the standard
 * `AWS_ENDPOINT_URL_<SERVICE>` variables, which local mode sets, so handlers have no local branch.
 */
let dynamo: DynamoDBClient | undefined;
let ses: SESv2Client | undefined;
let sfn: SFNClient | undefined;
let s3: S3Client | undefined;

export const dynamoDbClient = (): DynamoDBClient => (dynamo ??= new DynamoDBClient({}));
export const sesClient = (): SESv2Client => (ses ??= new SESv2Client({}));
export const sfnClient = (): SFNClient => (sfn ??= new SFNClient({}));
export const s3Client = (): S3Client => (s3 ??= new S3Client({ forcePathStyle: true }));
