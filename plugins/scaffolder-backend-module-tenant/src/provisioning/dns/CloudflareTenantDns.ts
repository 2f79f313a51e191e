import { ConflictError } from '@backstage/errors';
import Cloudflare from 'cloudflare';
import { LedgerResource, RecordResource } from '../LedgerResource';
import {
  DnsTargets,
  TenantDns,
  TenantHostnames,
  dnsMarker,
  tenantHostnames,
} from './TenantDns';
import { assertOwnedName } from '../ownership';

const RECORD = 'cloudflare-dns-record';

/**
 * CNAME records in a Cloudflare zone. The client retries 429 and 5xx
 * answers, waiting as long as `Retry-After` asks.
 */
export class CloudflareTenantDns implements TenantDns {
  readonly resourceTypes = [RECORD];

  constructor(
    private readonly options: {
      client: Cloudflare;
      zoneId: string;
      domain: string;
      targets: DnsTargets;
    },
  ) {}

  hostnames(slug: string): TenantHostnames {
    return tenantHostnames(slug, this.options.domain);
  }

  describe(slug: string): string[] {
    const names = tenantHostnames(slug, this.options.domain);
    return (['production', 'staging'] as const).map(
      environment =>
        `create CNAME ${names[environment]} -> ${this.options.targets[environment]} in Cloudflare zone ${this.options.zoneId}`,
    );
  }

  async create(slug: string, record: RecordResource): Promise<TenantHostnames> {
    const { client, zoneId, targets } = this.options;
    const names = tenantHostnames(slug, this.options.domain);
    for (const name of Object.values(names)) {
      const existing = await this.recordsNamed(name);
      if (existing.length) {
        throw new ConflictError(
          `${name} already has DNS records in Cloudflare; the portal does not touch what it did not make`,
        );
      }
    }
    const comment = dnsMarker(slug);
    for (const environment of ['production', 'staging'] as const) {
      const name = names[environment];
      await record({
        type: RECORD,
        id: `${zoneId}/${name}`,
        details: { comment },
      });
      await client.dns.records.create({
        zone_id: zoneId,
        type: 'CNAME',
        name,
        content: targets[environment],
        ttl: 300,
        proxied: false,
        comment,
      });
    }
    return names;
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const { zoneId, domain } = this.options;
    const names = Object.values(tenantHostnames(slug, domain));
    assertOwnedName(
      slug,
      resource,
      RECORD,
      names.map(name => `${zoneId}/${name}`),
    );
    const name = resource.id.slice(zoneId.length + 1);
    const marker = dnsMarker(slug);
    for (const existing of await this.recordsNamed(name)) {
      if (existing.comment !== marker) continue;
      await this.options.client.dns.records.delete(existing.id, {
        zone_id: zoneId,
      });
    }
  }

  private async recordsNamed(name: string) {
    const records = [];
    for await (const existing of this.options.client.dns.records.list({
      zone_id: this.options.zoneId,
      name: { exact: name },
    })) {
      records.push(existing);
    }
    return records;
  }
}
