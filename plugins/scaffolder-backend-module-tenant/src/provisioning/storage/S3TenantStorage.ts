import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { ConflictError } from '@backstage/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';
import { assertOwnedName } from '../ownership';
import { listFiles } from './listFiles';
import { TenantStorage } from './TenantStorage';

const PREFIX = 's3-prefix';

/** One shared bucket, one prefix per tenant: `<prefix root><slug>/`. */
export class S3TenantStorage implements TenantStorage {
  readonly resourceTypes = [PREFIX];

  constructor(
    private readonly options: {
      client: S3Client;
      bucket: string;
      /** Default `tenants/`. */
      prefixRoot?: string;
    },
  ) {}

  describe(slug: string): string[] {
    return [
      `copy the initial assets to s3://${this.options.bucket}/${this.prefix(
        slug,
      )}`,
    ];
  }

  async create(
    slug: string,
    assetsDir: string,
    record: RecordResource,
  ): Promise<string> {
    const { client, bucket } = this.options;
    const prefix = this.prefix(slug);
    const existing = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }),
    );
    if (existing.KeyCount) {
      throw new ConflictError(
        `s3://${bucket}/${prefix} already holds objects; the portal does not touch what it did not make`,
      );
    }
    await record({ type: PREFIX, id: `${bucket}/${prefix}` });
    for (const file of listFiles(assetsDir)) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `${prefix}${file}`,
          Body: readFileSync(join(assetsDir, file)),
        }),
      );
    }
    return `s3://${bucket}/${prefix}`;
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const { client, bucket } = this.options;
    const prefix = this.prefix(slug);
    assertOwnedName(slug, resource, PREFIX, [`${bucket}/${prefix}`]);
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: bucket, Prefix: prefix },
    )) {
      const objects = (page.Contents ?? []).map(({ Key }) => ({ Key }));
      if (objects.length === 0) continue;
      const { Errors } = await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: objects, Quiet: true },
        }),
      );
      if (Errors?.length) {
        throw new Error(
          `could not delete ${Errors.length} objects under s3://${bucket}/${prefix}: ${Errors[0].Key} ${Errors[0].Message}`,
        );
      }
    }
  }

  private prefix(slug: string) {
    assertValidSlug(slug);
    return `${this.options.prefixRoot ?? 'tenants/'}${slug}/`;
  }
}
