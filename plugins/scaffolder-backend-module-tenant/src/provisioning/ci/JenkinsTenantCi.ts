import { ConflictError } from '@backstage/errors';
import { LedgerResource, RecordResource } from '../LedgerResource';
import {
  TenantCi,
  TenantCiJob,
  TenantCiValues,
  tenantCiName,
} from './TenantCi';
import { fillPlaceholders } from '../fillPlaceholders';
import { assertOwnedName } from '../ownership';

const JOB = 'jenkins-job';

/**
 * The tenant's pipeline job `tenant-<slug>` in Jenkins, created through its
 * REST API from a `config.xml` template with `{{ slug }}`, `{{ name }}`,
 * `{{ environment }}` and `{{ host }}` placeholders (values XML-escaped).
 * Authenticates with a user's API token, and sends the CSRF crumb when
 * Jenkins issues one.
 */
export class JenkinsTenantCi implements TenantCi {
  readonly resourceTypes = [JOB];
  private readonly baseUrl: string;

  constructor(
    private readonly options: {
      baseUrl: string;
      username: string;
      apiToken: string;
      /** The job's `config.xml`, with placeholders. */
      template: string;
    },
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  describe(slug: string): string[] {
    return [`create the Jenkins job ${tenantCiName(slug)} on ${this.baseUrl}`];
  }

  async create(
    slug: string,
    values: TenantCiValues,
    record: RecordResource,
  ): Promise<TenantCiJob> {
    const name = tenantCiName(slug);
    const configXml = renderJenkinsJob(this.options.template, {
      slug,
      name: values.name,
      environment: name,
      host: values.host,
    });
    // Checked before recording: a job someone else made must not enter the
    // ledger, or undoing this step would delete it.
    if (await this.jobExists(name)) {
      throw new ConflictError(
        `Jenkins job ${name} already exists on ${this.baseUrl}; the portal does not touch what it did not make`,
      );
    }
    await record({ type: JOB, id: name, details: { baseUrl: this.baseUrl } });
    // Jenkins answers 400 when the name is taken meanwhile: never replaced.
    const response = await this.request(
      'POST',
      `/createItem?name=${encodeURIComponent(name)}`,
      { body: configXml, contentType: 'application/xml' },
    );
    if (!response.ok) {
      throw new Error(
        `Jenkins refused to create job ${name}: ${await describe(response)}`,
      );
    }
    return { name, url: this.jobUrl(name) };
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const name = tenantCiName(slug);
    assertOwnedName(slug, resource, JOB, [name]);
    const response = await this.request(
      'POST',
      `/job/${encodeURIComponent(name)}/doDelete`,
    );
    // Jenkins redirects after deleting; 404 means it is already gone.
    if (response.status === 404) return;
    if (!response.ok && !(response.status >= 300 && response.status < 400)) {
      throw new Error(
        `Jenkins refused to delete job ${name}: ${await describe(response)}`,
      );
    }
  }

  private async jobExists(name: string): Promise<boolean> {
    const response = await this.request(
      'GET',
      `/job/${encodeURIComponent(name)}/api/json`,
    );
    if (response.status === 404) return false;
    if (response.ok) return true;
    throw new Error(
      `could not look up Jenkins job ${name}: ${await describe(response)}`,
    );
  }

  /** The CSRF crumb header, or none when Jenkins has crumbs off (404). */
  private async crumb(): Promise<Record<string, string>> {
    const response = await fetch(`${this.baseUrl}/crumbIssuer/api/json`, {
      headers: { Authorization: this.authorization() },
    });
    if (response.status === 404) return {};
    if (!response.ok) {
      throw new Error(
        `could not get a Jenkins crumb: ${await describe(response)}`,
      );
    }
    const { crumbRequestField, crumb } = (await response.json()) as {
      crumbRequestField: string;
      crumb: string;
    };
    return { [crumbRequestField]: crumb };
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: { body: string; contentType: string },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: this.authorization(),
      ...(method === 'POST' ? await this.crumb() : {}),
      ...(body ? { 'Content-Type': body.contentType } : {}),
    };
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body?.body,
      redirect: 'manual',
    });
  }

  private authorization() {
    const { username, apiToken } = this.options;
    return `Basic ${Buffer.from(`${username}:${apiToken}`).toString('base64')}`;
  }

  private jobUrl(name: string) {
    return `${this.baseUrl}/job/${encodeURIComponent(name)}/`;
  }
}

/** Fills `{{ name }}` placeholders, each value XML-escaped. */
export function renderJenkinsJob(
  template: string,
  values: Record<string, string>,
): string {
  return fillPlaceholders(template, values, 'Jenkins job', escapeXml);
}

function escapeXml(value: string): string {
  return (
    value
      // Control characters have no place in XML 1.0; tab and newlines stay.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

async function describe(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return `${response.status} ${text.slice(0, 200)}`.trim();
}
