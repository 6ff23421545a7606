import { CreateTableCommand, DeleteTableCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ratePerSecond } from './measure.js';

const FORM = (index: number): string =>
  new URLSearchParams([
    ['name', `Bench Person ${index}`],
    ['email', `bench.${index}@example.no`],
    ['phone', '+47 934 20 183'],
    ['types', 'access'],
    ['types', 'erasure'],
    ['details', 'Jeg vil se hva dere har lagret om meg, og deretter få det slettet.'],
    ['language', 'nb'],
    ['idempotencyKey', `bench-${process.pid}-${index}`],
  ]).toString();

/** Form POSTs per second through the local gateway, handler, DynamoDB Local and workflow start. */
export async function intakeRate(appUrl: string, total: number, concurrency: number): Promise<number> {
  return ratePerSecond(total, concurrency, async (index) => {
    const response = await fetch(new URL('/api/requests', appUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: FORM(index),
      redirect: 'manual',
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`intake answered ${response.status}`);
  });
}

/** Raw PutItem rate of DynamoDB Local on this machine, with items of about a request's size. */
export async function rawPutItemRate(client: DynamoDBClient, total: number, concurrency: number): Promise<number> {
  const tableName = `bench-raw-${process.pid}`;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
  try {
    const payload = 'x'.repeat(600);
    return await ratePerSecond(total, concurrency, async (index) => {
      await client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: `item-${index}` }, payload: { S: payload } } }));
    });
  } finally {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  }
}
