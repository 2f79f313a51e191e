import { ConflictError, InputError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import { LedgerResource, RecordResource } from '../LedgerResource';
import {
  TenantCi,
  TenantCiJob,
  TenantCiValues,
  renderTenantWorkflow,
  tenantCiName,
} from './TenantCi';
import { assertOwnedName } from '../ownership';

const FILE = 'github-workflow-file';

/**
 * The tenant's GitHub Actions workflow, `.github/workflows/tenant-<slug>.yml`,
 * committed to one configured repository and branch. It never writes over a
 * workflow file that exists, so undo only ever deletes files the portal made.
 */
export class GithubActionsTenantCi implements TenantCi {
  readonly resourceTypes = [FILE];
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly options: {
      octokit: Octokit;
      /** `owner/repo`. */
      repository: string;
      branch: string;
    },
  ) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(
      options.repository,
    );
    if (!match) {
      throw new InputError(
        `CI repository '${options.repository}' is not owner/repo`,
      );
    }
    [, this.owner, this.repo] = match;
  }

  describe(slug: string): string[] {
    return [
      `commit the workflow ${this.path(slug)} to ${
        this.options.repository
      } (branch ${this.options.branch})`,
    ];
  }

  async create(
    slug: string,
    values: TenantCiValues,
    record: RecordResource,
  ): Promise<TenantCiJob> {
    const { octokit, repository, branch } = this.options;
    const path = this.path(slug);
    const content = renderTenantWorkflow(slug, values);
    // Checked before recording: a file someone else put there must not enter
    // the ledger, or undoing this step would delete it.
    if (await this.sha(path)) {
      throw new ConflictError(
        `${path} already exists in ${repository} (branch ${branch}); the portal does not touch what it did not make`,
      );
    }
    await record({
      type: FILE,
      id: `${repository}@${branch}:${path}`,
      details: { repository, branch, path },
    });
    // Without a sha GitHub refuses to replace a file that appeared meanwhile.
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      owner: this.owner,
      repo: this.repo,
      branch,
      path,
      message: `Add the CI workflow of tenant ${slug}`,
      content: Buffer.from(content, 'utf8').toString('base64'),
    });
    const fileUrl = data.content?.html_url ?? '';
    const blob = `/blob/${branch}/.github/workflows/`;
    return {
      name: tenantCiName(slug),
      url: fileUrl.includes(blob)
        ? fileUrl.replace(blob, '/actions/workflows/')
        : fileUrl,
    };
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const { repository, branch } = this.options;
    const path = this.path(slug);
    assertOwnedName(slug, resource, FILE, [`${repository}@${branch}:${path}`]);
    const sha = await this.sha(path, branch);
    if (!sha) return; // already removed
    try {
      await this.options.octokit.rest.repos.deleteFile({
        owner: this.owner,
        repo: this.repo,
        branch,
        path,
        sha,
        message: `Remove the CI workflow ${path}`,
      });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  /** The file's blob sha, or undefined when there is no such file. */
  private async sha(
    path: string,
    branch = this.options.branch,
  ): Promise<string | undefined> {
    try {
      const { data } = await this.options.octokit.rest.repos.getContent({
        owner: this.owner,
        repo: this.repo,
        path,
        ref: branch,
      });
      if (Array.isArray(data)) {
        throw new ConflictError(
          `${path} is a directory in ${this.options.repository}`,
        );
      }
      return data.sha;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private path(slug: string) {
    return `.github/workflows/${tenantCiName(slug)}.yml`;
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
