import { ConflictError } from '@backstage/errors';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LedgerResource, RecordResource } from '../LedgerResource';
import {
  DnsTargets,
  TenantDns,
  TenantHostnames,
  dnsMarker,
  tenantHostnames,
} from './TenantDns';
import { assertOwnedName } from '../ownership';

const RECORD = 'zone-file-record';

/** The embedded default: CNAME lines in a BIND-style zone file. */
export class LocalZoneFileDns implements TenantDns {
  readonly resourceTypes = [RECORD];
  private readonly file: string;

  constructor(
    file: string,
    private readonly domain: string,
    private readonly targets: DnsTargets,
  ) {
    this.file = resolve(file);
  }

  hostnames(slug: string): TenantHostnames {
    return tenantHostnames(slug, this.domain);
  }

  describe(slug: string): string[] {
    const names = tenantHostnames(slug, this.domain);
    return [
      `add CNAME ${names.production} and ${names.staging} to ${this.file}`,
    ];
  }

  async create(slug: string, record: RecordResource): Promise<TenantHostnames> {
    const names = tenantHostnames(slug, this.domain);
    this.refuseExisting(names, this.read());
    const marker = dnsMarker(slug);
    for (const name of Object.values(names)) {
      await record({ type: RECORD, id: name, details: { comment: marker } });
    }
    // Read, check and write with no await in between: other tenants' steps
    // in this process edit the same file.
    const lines = this.read();
    this.refuseExisting(names, lines);
    for (const environment of ['production', 'staging'] as const) {
      lines.push(
        `${names[environment]}. 300 IN CNAME ${this.targets[environment]}. ; ${marker}`,
      );
    }
    this.write(lines);
    return names;
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    assertOwnedName(
      slug,
      resource,
      RECORD,
      Object.values(tenantHostnames(slug, this.domain)),
    );
    const marker = dnsMarker(slug);
    const lines = this.read();
    const kept = lines.filter(
      line =>
        !(line.startsWith(`${resource.id}. `) && line.endsWith(`; ${marker}`)),
    );
    if (kept.length !== lines.length) this.write(kept);
  }

  private refuseExisting(names: TenantHostnames, lines: string[]) {
    for (const name of Object.values(names)) {
      if (lines.some(line => line.startsWith(`${name}. `))) {
        throw new ConflictError(
          `${name} is already in ${this.file}; the portal does not touch what it did not make`,
        );
      }
    }
  }

  private read(): string[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8').split('\n').filter(Boolean);
  }

  private write(lines: string[]) {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, `${lines.join('\n')}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}
