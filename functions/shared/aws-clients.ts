/**
 * Every SDK client, for code that needs several. Prefer importing the one module under
 * `aws-clients/` a function uses: the bundler keeps every SDK import a module reaches (the SDK is
 * provided by the runtime, so it cannot tell they are unused), and each client loaded is cold-start
 * time (DynamoDB ≈ 90 ms, S3 more).
 */
export { dynamoDbClient } from './aws-clients/dynamodb.js';
export { sesClient } from './aws-clients/sesv2.js';
export { sfnClient } from './aws-clients/sfn.js';
export { s3Client } from './aws-clients/s3.js';
