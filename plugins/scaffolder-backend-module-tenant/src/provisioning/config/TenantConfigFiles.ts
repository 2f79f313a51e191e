import { ConflictError, InputError } from '@backstage/errors';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';
import { fillPlaceholders } from '../fillPlaceholders';
import { ownedPath } from '../ownership';

const FILE = 'config-file';
/** Secret files written beside the config; only the tenant's own are ever removed. */
export type SecretFileName = 'database.password';
/** Every file the portal writes in a tenant's config folder. */
const TENANT_FILES: string[] = [
  'config.yml',
  'nginx.conf',
  'database.password' satisfies SecretFileName,
];
/** What may stand in nginx.conf: host names, ports, paths. Anything else is refused, not escaped. */
const NGINX_SAFE = /^[A-Za-z0-9.:_/-]*$/;

/** What a tenant's config files are rendered from. No secrets: the password stays in its own file. */
export type TenantConfigValues = {
  slug: string;
  name: string;
  version: string;
  hostnames: { production: string; staging: string };
  database: Record<string, string | number>;
  storage: string;
  /** The tenant's registry entry, where its settings are kept. */
  settingsUrl: string;
  /** Branding, mail (never a password), footer, analytics: kept current in config.yml. */
  settings: Record<string, unknown>;
};

/**
 * A tenant's config files (`config.yml`, `nginx.conf`, and secret files) in
 * `<directory>/<slug>/`, each recorded in the ledger before it is written and
 * never written over a file that exists: what the portal did not make, it
 * does not touch.
 */
export class TenantConfigFiles {
  readonly resourceTypes = [FILE];
  private readonly directory: string;

  constructor(directory: string, private readonly nginxTemplate: string) {
    this.directory = resolve(directory);
  }

  describe(slug: string): string[] {
    return [`write ${this.folder(slug)}/config.yml and nginx.conf`];
  }

  /** Writes a secret (mode 0600) next to the config; returns its path. */
  async writeSecret(
    slug: string,
    name: SecretFileName,
    content: string,
    record: RecordResource,
  ): Promise<string> {
    return this.write(slug, name, content, record, 0o600);
  }

  async render(
    values: TenantConfigValues,
    record: RecordResource,
  ): Promise<{ configFile: string; nginxFile: string }> {
    const configFile = await this.write(
      values.slug,
      'config.yml',
      stringify({
        tenant: {
          slug: values.slug,
          name: values.name,
          version: values.version,
        },
        hosts: values.hostnames,
        database: values.database,
        storage: { location: values.storage },
        settings: settingsSection(values.settingsUrl, values.settings),
      }),
      record,
    );
    const nginxFile = await this.write(
      values.slug,
      'nginx.conf',
      renderNginx(this.nginxTemplate, {
        slug: values.slug,
        production_host: values.hostnames.production,
        staging_host: values.hostnames.staging,
        version: values.version,
      }),
      record,
    );
    return { configFile, nginxFile };
  }

  /**
   * Puts the tenant's current settings into its config.yml, which the
   * instance reads on every request: a change applies without a restart.
   * Only a config.yml the ledger says the portal made is touched
   * (`madeByPortal`: the tenant's live ledger ids); false when there is none.
   */
  setSettings(
    slug: string,
    settings: Record<string, unknown>,
    madeByPortal: string[],
  ): boolean {
    const owned = this.ownedConfig(slug, madeByPortal);
    if (!owned) return false;
    owned.config.settings = settingsSection(
      owned.config.settings?.source,
      settings,
    );
    replaceWhole(owned.path, stringify(owned.config));
    return true;
  }

  /**
   * Moves the tenant's rendered files to another version, each replaced
   * whole (written aside, then renamed) so the running instance never reads
   * half a file. Only files the ledger says the portal made are touched:
   * `madeByPortal` is the tenant's live ledger ids. Returns what puts the
   * files back as they were.
   */
  setVersion(
    slug: string,
    version: string,
    madeByPortal: string[],
  ): { restore: () => void } {
    const owned = this.ownedConfig(slug, madeByPortal);
    if (!owned) return { restore: () => {} };
    const { config } = owned;
    const nginxFile = join(this.folder(slug), 'nginx.conf');
    const previous = new Map<string, string>();
    const replace = (path: string, content: string) => {
      previous.set(path, readFileSync(path, 'utf8'));
      replaceWhole(path, content);
    };

    config.tenant = { ...config.tenant, version };
    replace(owned.path, stringify(config));
    if (isOwned(nginxFile, madeByPortal)) {
      replace(
        nginxFile,
        renderNginx(this.nginxTemplate, {
          slug,
          production_host: config.hosts?.production ?? '',
          staging_host: config.hosts?.staging ?? '',
          version,
        }),
      );
    }
    return {
      restore: () => {
        for (const [path, content] of previous) replaceWhole(path, content);
      },
    };
  }

  /** The tenant's config.yml as data, when the ledger says the portal made it. */
  private ownedConfig(slug: string, madeByPortal: string[]) {
    const path = this.configFile(slug);
    if (!isOwned(path, madeByPortal)) return undefined;
    return { path, config: parse(readFileSync(path, 'utf8')) };
  }

  /** Removes one of the tenant's own files; any other entry is refused. */
  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const folder = this.folder(slug);
    const path = ownedPath(
      slug,
      resource,
      FILE,
      this.directory,
      TENANT_FILES.map(name => join(folder, name)),
    );
    if (path) rmSync(path, { force: true });
    try {
      if (readdirSync(folder).length === 0) rmdirSync(folder);
    } catch {
      // already gone
    }
  }

  private async write(
    slug: string,
    name: string,
    content: string,
    record: RecordResource,
    mode = 0o644,
  ): Promise<string> {
    const folder = this.folder(slug);
    const path = join(folder, name);
    mkdirSync(folder, { recursive: true });
    // Checked before recording: a file someone else put there must not enter
    // the ledger, or undoing this step would delete it.
    if (existsSync(path)) {
      throw new ConflictError(
        `${path} already exists; the portal does not touch what it did not make`,
      );
    }
    await record({ type: FILE, id: path });
    // 'wx': fails when the file exists, so nothing is ever written over.
    writeFileSync(path, content, { flag: 'wx', mode });
    return path;
  }

  /** Where `render` puts the tenant's config.yml. */
  configFile(slug: string): string {
    return join(this.folder(slug), 'config.yml');
  }

  private folder(slug: string) {
    assertValidSlug(slug);
    return join(this.directory, slug);
  }
}

/** A file the portal may change: in the tenant's live ledger, and there. */
function isOwned(path: string, madeByPortal: string[]) {
  return madeByPortal.includes(path) && existsSync(path);
}

function settingsSection(
  source: string | undefined,
  settings: Record<string, unknown>,
) {
  return { source, ...settings };
}

function replaceWhole(path: string, content: string) {
  const aside = `${path}.next`;
  writeFileSync(aside, content, { mode: 0o644 });
  renameSync(aside, path);
}

/** `{{ name }}` placeholders, each value checked against what nginx.conf may safely hold. */
export function renderNginx(
  template: string,
  values: Record<string, string>,
): string {
  return fillPlaceholders(template, values, 'nginx.conf', (value, key) => {
    if (!NGINX_SAFE.test(value)) {
      throw new InputError(
        `refusing to put '${value}' into nginx.conf (${key})`,
      );
    }
    return value;
  });
}
