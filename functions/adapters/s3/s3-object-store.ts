import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../../domain/storage/object-store.js';
import { providedModule } from '../../platform/provided-module.js';

/** The S3 SDK module, loaded on the first call rather than at start-up (many invocations make none). */
const s3Sdk = () => providedModule<typeof import('@aws-sdk/client-s3')>('@aws-sdk/client-s3');

/**
 * S3 adapter of {@link ObjectStore}; objects are encrypted with the bucket's KMS key. Takes a client
 * or the function that makes it (`s3Client`), so a cold start loads no S3 code until a call needs it.
 */
export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly clientOrFactory: S3Client | (() => S3Client),
    private readonly bucket: string,
    /** `aws:kms` in AWS; the local S3 stand-in does not implement it, so local mode passes none. */
    private readonly serverSideEncryption?: 'aws:kms',
  ) {}

  private get client(): S3Client {
    return typeof this.clientOrFactory === 'function' ? this.clientOrFactory() : this.clientOrFactory;
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await this.putText(key, JSON.stringify(value), 'application/json');
  }

  async getJson<T = unknown>(key: string): Promise<T | undefined> {
    const text = await this.getText(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async putText(key: string, body: string, contentType: string): Promise<void> {
    const { PutObjectCommand } = s3Sdk();
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ServerSideEncryption: this.serverSideEncryption,
      }),
    );
  }

  /** Stores bytes as they are (a letter's PDF, an attached mandate document). */
  async putBytes(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const { PutObjectCommand } = s3Sdk();
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ServerSideEncryption: this.serverSideEncryption }),
    );
  }

  async getText(key: string): Promise<string | undefined> {
    const { GetObjectCommand, NoSuchKey } = s3Sdk();
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await result.Body?.transformToString('utf-8');
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  /**
   * The object's bytes as stored: for raw mail, whose 8-bit parts may be in any charset the
   * MIME parser must decode itself (reading it as UTF-8 text first would garble them).
   */
  async getBytes(key: string): Promise<Buffer | undefined> {
    const { GetObjectCommand, NoSuchKey } = s3Sdk();
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const bytes = await result.Body?.transformToByteArray();
      return bytes === undefined ? undefined : Buffer.from(bytes);
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    const { DeleteObjectsCommand } = s3Sdk();
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
    }
  }

  async list(prefix: string): Promise<string[]> {
    const { paginateListObjectsV2 } = s3Sdk();
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    }
    return keys;
  }
}
