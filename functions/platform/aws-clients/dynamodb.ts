import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { traced } from '../tracer.js';
import { withoutSdkCallLogging } from './without-sdk-call-logging.js';

let client: DynamoDBClient | undefined;

/**
 * The DynamoDB client, created once per process. The endpoint comes from the standard
 * `AWS_ENDPOINT_URL_<SERVICE>` variables, which local mode sets, so handlers have no local branch.
 * Traced by the function's X-Ray tracer (`../tracer.ts`). One module per client: a function loads (at cold start) only the SDK clients it imports.
 */
export const dynamoDbClient = (): DynamoDBClient => (client ??= traced(withoutSdkCallLogging(new DynamoDBClient({}))));
