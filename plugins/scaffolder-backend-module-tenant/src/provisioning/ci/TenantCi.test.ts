import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { LedgerResource } from '../LedgerResource';
import { ForeignResourceError } from '../ownership';
import { GithubActionsTenantCi } from './GithubActionsTenantCi';
import { JenkinsTenantCi, renderJenkinsJob } from './JenkinsTenantCi';
import { LocalTenantCi } from './LocalTenantCi';
import { ConfigReader } from '@backstage/config';
import { readTenantDrivers } from '../readTenantDrivers';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const VALUES = { name: 'Acme Corp', host: 'acme.clients.example.com' };

/** A ledger that also notes, in `events`, when each entry was recorded. */
function ledger(events: string[]) {
  const entries: LedgerResource[] = [];
  const record = async (resource: LedgerResource) => {
    events.push(`record ${resource.type} ${resource.id}`);
    entries.push(resource);
  };
  return { entries, record };
}

describe('LocalTenantCi', () => {
  const directory = createMockDirectory();
  afterEach(() => directory.clear());

  it('writes the workflow after recording it, and removes it (twice is fine)', async () => {
    const ci = new LocalTenantCi(directory.resolve('ci'));
    const events: string[] = [];
    const { entries, record } = ledger(events);

    const job = await ci.create('acme', VALUES, async resource => {
      expect(directory.content()).toEqual({});
      await record(resource);
    });

    const path = directory.resolve('ci/tenant-acme.yml');
    expect(job).toEqual({
      name: 'tenant-acme',
      url: expect.stringMatching(/^file:\/\/.*\/ci\/tenant-acme\.yml$/),
    });
    expect(events).toEqual([`record local-ci-workflow ${path}`]);
    const workflow = parse(readFileSync(path, 'utf8'));
    expect(workflow.on).toEqual({
      workflow_dispatch: {},
      push: { branches: ['main'] },
    });
    expect(workflow.jobs.deploy.environment).toEqual({
      name: 'tenant-acme',
      url: 'https://acme.clients.example.com',
    });
    expect(workflow.jobs.deploy.env.TENANT_SLUG).toBe('acme');

    await ci.remove('acme', entries[0]);
    expect(directory.content()).toEqual({ ci: {} });
    await ci.remove('acme', entries[0]);
  });

  it('refuses a file that exists, recording nothing', async () => {
    directory.setContent({ ci: { 'tenant-acme.yml': 'ops-managed' } });
    const ci = new LocalTenantCi(directory.resolve('ci'));
    const events: string[] = [];

    await expect(
      ci.create('acme', VALUES, ledger(events).record),
    ).rejects.toThrow(ConflictError);

    expect(events).toEqual([]);
    expect(directory.content()).toEqual({
      ci: { 'tenant-acme.yml': 'ops-managed' },
    });
  });

  it("removes nothing but the tenant's own workflow file", async () => {
    directory.setContent({
      ci: { 'tenant-victim.yml': 'victim', 'tenant-evil.yml': 'x' },
    });
    rmSync(directory.resolve('ci/tenant-evil.yml'));
    symlinkSync(
      directory.resolve('ci/tenant-victim.yml'),
      directory.resolve('ci/tenant-evil.yml'),
    );
    const ci = new LocalTenantCi(directory.resolve('ci'));
    for (const id of [
      '/etc/passwd',
      directory.resolve('ci/tenant-victim.yml'),
      directory.resolve('ci/x/../tenant-victim.yml'),
      directory.resolve('ci/tenant-evil.yml'),
    ]) {
      await expect(
        ci.remove('evil', { type: 'local-ci-workflow', id }),
      ).rejects.toThrow(ForeignResourceError);
    }
    expect(
      readFileSync(directory.resolve('ci/tenant-victim.yml'), 'utf8'),
    ).toBe('victim');
  });

  it('keeps a hostile name from changing the workflow', async () => {
    const ci = new LocalTenantCi(directory.resolve('ci'));
    await ci.create(
      'acme',
      { ...VALUES, name: "x\njobs: {}\n${{ secrets.TOKEN }}'" },
      async () => {},
    );
    const text = readFileSync(directory.resolve('ci/tenant-acme.yml'), 'utf8');
    expect(text).not.toContain('secrets.TOKEN');
    expect(Object.keys(parse(text).jobs)).toEqual(['deploy']);
  });
});

describe('GithubActionsTenantCi', () => {
  const API = 'https://api.github.test';
  const server = setupServer();
  registerMswTestHooks(server);
  let files: Map<string, { content: string; sha: string }>;
  let events: string[];
  let deleteAnswers404: boolean;

  const key = (branch: string | null, path: string) => `${branch}:${path}`;
  const pathOf = (request: Request) =>
    decodeURIComponent(new URL(request.url).pathname.split('/contents/')[1]);

  beforeEach(() => {
    files = new Map();
    events = [];
    deleteAnswers404 = false;
    const contents = `${API}/repos/acme/deploy/contents/*`;
    server.use(
      http.get(contents, ({ request }) => {
        const path = pathOf(request);
        const ref = new URL(request.url).searchParams.get('ref');
        events.push(`GET ${ref}:${path}`);
        const file = files.get(key(ref, path));
        if (!file) {
          return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
        }
        return HttpResponse.json({
          type: 'file',
          path,
          sha: file.sha,
          content: Buffer.from(file.content).toString('base64'),
          encoding: 'base64',
        });
      }),
      http.put(contents, async ({ request }) => {
        if (request.headers.get('authorization') !== 'token test-token') {
          return HttpResponse.json(
            { message: 'Bad credentials' },
            { status: 401 },
          );
        }
        const path = pathOf(request);
        const body = (await request.json()) as any;
        events.push(`PUT ${body.branch}:${path}`);
        if (files.has(key(body.branch, path)) && !body.sha) {
          return HttpResponse.json(
            { message: '"sha" wasn\'t supplied.' },
            { status: 422 },
          );
        }
        const sha = `sha-${files.size + 1}`;
        files.set(key(body.branch, path), {
          content: Buffer.from(body.content, 'base64').toString('utf8'),
          sha,
        });
        return HttpResponse.json(
          {
            content: {
              path,
              sha,
              html_url: `https://github.test/acme/deploy/blob/${body.branch}/${path}`,
            },
            commit: { sha: 'commit-1' },
          },
          { status: 201 },
        );
      }),
      http.delete(contents, async ({ request }) => {
        const path = pathOf(request);
        const body = (await request.json()) as any;
        events.push(`DELETE ${body.branch}:${path} ${body.sha}`);
        const file = files.get(key(body.branch, path));
        if (deleteAnswers404 || !file) {
          files.delete(key(body.branch, path));
          return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
        }
        if (file.sha !== body.sha) {
          return HttpResponse.json(
            { message: 'sha mismatch' },
            { status: 409 },
          );
        }
        files.delete(key(body.branch, path));
        return HttpResponse.json({ commit: { sha: 'commit-2' } });
      }),
    );
  });

  const ci = () =>
    new GithubActionsTenantCi({
      octokit: new Octokit({
        auth: 'test-token',
        baseUrl: API,
        request: { retries: 0 },
      }),
      repository: 'acme/deploy',
      branch: 'release',
    });
  const PATH = '.github/workflows/tenant-acme.yml';

  it('records the workflow, then commits it to the branch, and deletes it on undo (twice is fine)', async () => {
    const { entries, record } = ledger(events);

    const job = await ci().create('acme', VALUES, record);

    expect(job).toEqual({
      name: 'tenant-acme',
      url: 'https://github.test/acme/deploy/actions/workflows/tenant-acme.yml',
    });
    expect(events).toEqual([
      `GET release:${PATH}`,
      `record github-workflow-file acme/deploy@release:${PATH}`,
      `PUT release:${PATH}`,
    ]);
    const workflow = parse(files.get(key('release', PATH))!.content);
    expect(workflow.jobs.deploy.environment.name).toBe('tenant-acme');
    expect(workflow.jobs.deploy.env.TENANT_SLUG).toBe('acme');
    expect(workflow.on.workflow_dispatch).toEqual({});

    events.length = 0;
    await ci().remove('acme', entries[0]);
    expect(files.size).toBe(0);
    expect(events).toEqual([
      `GET release:${PATH}`,
      `DELETE release:${PATH} sha-1`,
    ]);

    await ci().remove('acme', entries[0]);
    expect(events.filter(event => event.startsWith('DELETE'))).toHaveLength(1);
  });

  it('refuses a workflow file that exists, recording nothing', async () => {
    files.set(key('release', PATH), { content: 'theirs', sha: 'old' });

    await expect(
      ci().create('acme', VALUES, ledger(events).record),
    ).rejects.toThrow(ConflictError);

    expect(events).toEqual([`GET release:${PATH}`]);
    expect(files.get(key('release', PATH))?.content).toBe('theirs');
  });

  it('treats a 404 on delete as removed', async () => {
    const { entries, record } = ledger(events);
    await ci().create('acme', VALUES, record);
    deleteAnswers404 = true;

    await expect(ci().remove('acme', entries[0])).resolves.toBeUndefined();
  });

  it("refuses to delete anything but the tenant's own workflow in its own repository and branch", async () => {
    for (const id of [
      `other/repo@release:${PATH}`,
      `acme/deploy@main:${PATH}`,
      'acme/deploy@release:.github/workflows/release.yml',
      'acme/deploy@release:.github/workflows/tenant-victim.yml',
    ]) {
      await expect(
        ci().remove('acme', {
          type: 'github-workflow-file',
          id,
          details: { repository: 'acme/deploy', branch: 'release', path: PATH },
        }),
      ).rejects.toThrow(ForeignResourceError);
    }
    expect(events).toEqual([]);
  });
});

describe('JenkinsTenantCi', () => {
  const BASE = 'https://jenkins.test/ci';
  const AUTH = `Basic ${Buffer.from('portal:api-token').toString('base64')}`;
  const server = setupServer();
  registerMswTestHooks(server);
  let jobs: Map<string, string>;
  let events: string[];
  let crumbs: boolean;

  beforeEach(() => {
    jobs = new Map();
    events = [];
    crumbs = true;
    /** Jenkins' answer when a POST lacks credentials or the crumb; undefined when it may go on. */
    const refuse = (request: Request) => {
      if (request.headers.get('authorization') !== AUTH) {
        return new HttpResponse('unauthorized', { status: 401 });
      }
      if (crumbs && request.headers.get('jenkins-crumb') !== 'crumb-1') {
        return new HttpResponse('No valid crumb', { status: 403 });
      }
      return undefined;
    };
    server.use(
      http.get(`${BASE}/crumbIssuer/api/json`, ({ request }) => {
        events.push('GET crumb');
        if (!crumbs) return new HttpResponse('Not Found', { status: 404 });
        if (request.headers.get('authorization') !== AUTH) {
          return new HttpResponse('unauthorized', { status: 401 });
        }
        return HttpResponse.json({
          _class: 'hudson.security.csrf.DefaultCrumbIssuer',
          crumbRequestField: 'Jenkins-Crumb',
          crumb: 'crumb-1',
        });
      }),
      http.get(`${BASE}/job/:name/api/json`, ({ params, request }) => {
        events.push(`GET job ${params.name}`);
        if (request.headers.get('authorization') !== AUTH) {
          return new HttpResponse('unauthorized', { status: 401 });
        }
        return jobs.has(params.name as string)
          ? HttpResponse.json({ name: params.name })
          : new HttpResponse('Not Found', { status: 404 });
      }),
      http.post(`${BASE}/createItem`, async ({ request }) => {
        const name = new URL(request.url).searchParams.get('name')!;
        events.push(`POST createItem ${name}`);
        const refused = refuse(request);
        if (refused) return refused;
        if (request.headers.get('content-type') !== 'application/xml') {
          return new HttpResponse('not XML', { status: 415 });
        }
        if (jobs.has(name)) {
          return new HttpResponse('A job already exists', { status: 400 });
        }
        jobs.set(name, await request.text());
        return new HttpResponse(null, { status: 200 });
      }),
      http.post(`${BASE}/job/:name/doDelete`, ({ params, request }) => {
        events.push(`POST doDelete ${params.name}`);
        const refused = refuse(request);
        if (refused) return refused;
        if (!jobs.delete(params.name as string)) {
          return new HttpResponse('Not Found', { status: 404 });
        }
        return new HttpResponse(null, {
          status: 302,
          headers: { Location: `${BASE}/` },
        });
      }),
    );
  });

  const template = readFileSync(
    resolve(__dirname, '../../../assets/jenkins-job.xml.template'),
    'utf8',
  );
  const ci = () =>
    new JenkinsTenantCi({
      baseUrl: `${BASE}/`,
      username: 'portal',
      apiToken: 'api-token',
      template,
    });

  it('records the job, then creates it with the crumb, and deletes it on undo (twice is fine)', async () => {
    const { entries, record } = ledger(events);

    const job = await ci().create('acme', VALUES, record);

    expect(job).toEqual({
      name: 'tenant-acme',
      url: `${BASE}/job/tenant-acme/`,
    });
    expect(events).toEqual([
      'GET job tenant-acme',
      'record jenkins-job tenant-acme',
      'GET crumb',
      'POST createItem tenant-acme',
    ]);
    const xml = jobs.get('tenant-acme')!;
    expect(xml).toContain(
      '<description>Deploys tenant Acme Corp (acme) to the environment tenant-acme, https://acme.clients.example.com.</description>',
    );
    expect(xml).toContain("TENANT_ENVIRONMENT = 'tenant-acme'");
    expect(xml).not.toContain('{{');

    await ci().remove('acme', entries[0]);
    expect(jobs.size).toBe(0);
    await ci().remove('acme', entries[0]);
    expect(events.slice(-2)).toEqual([
      'GET crumb',
      'POST doDelete tenant-acme',
    ]);
  });

  it('works without crumbs when Jenkins has them off', async () => {
    crumbs = false;
    const { entries, record } = ledger(events);

    await ci().create('acme', VALUES, record);
    expect(jobs.has('tenant-acme')).toBe(true);
    await ci().remove('acme', entries[0]);
    expect(jobs.size).toBe(0);
  });

  it('refuses a job that exists, recording nothing', async () => {
    jobs.set('tenant-acme', '<theirs/>');

    await expect(
      ci().create('acme', VALUES, ledger(events).record),
    ).rejects.toThrow(ConflictError);

    expect(events).toEqual(['GET job tenant-acme']);
    expect(jobs.get('tenant-acme')).toBe('<theirs/>');
  });

  it('XML-escapes a hostile value', async () => {
    const hostile =
      'Evil</description><builders><hudson.tasks.Shell><command>rm -rf /</command></hudson.tasks.Shell></builders><description>&\'"';

    await ci().create('acme', { ...VALUES, name: hostile }, async () => {});

    const xml = jobs.get('tenant-acme')!;
    expect(xml).not.toContain('<builders>');
    expect(xml).toContain(
      '<description>Deploys tenant Evil&lt;/description&gt;&lt;builders&gt;&lt;hudson.tasks.Shell&gt;&lt;command&gt;rm -rf /&lt;/command&gt;&lt;/hudson.tasks.Shell&gt;&lt;/builders&gt;&lt;description&gt;&amp;&apos;&quot; (acme)',
    );
  });

  it('refuses a template naming an unknown value', () => {
    expect(() => renderJenkinsJob('<x>{{ password }}</x>', {})).toThrow(
      /unknown value/,
    );
  });

  it("refuses to delete any job but the tenant's own", async () => {
    for (const id of ['tenant-victim', 'release-pipeline', 'tenant-acme/..']) {
      await expect(
        ci().remove('acme', { type: 'jenkins-job', id }),
      ).rejects.toThrow(ForeignResourceError);
    }
    expect(events).toEqual([]);
  });
});

describe('tenantScaffolder.provisioning.ci', () => {
  const directory = createMockDirectory();
  const ci = (config?: object) =>
    readTenantDrivers(
      new ConfigReader({ tenantScaffolder: { provisioning: { ci: config } } }),
      { dataDir: directory.path },
    ).ci;

  it('picks the driver its type names, the local one by default', () => {
    expect(ci()).toBeInstanceOf(LocalTenantCi);
    expect(ci().describe('acme')).toEqual([
      `write the CI workflow tenant-acme to ${directory.resolve(
        'ci/tenant-acme.yml',
      )}`,
    ]);
    expect(
      ci({ type: 'github', repository: 'acme/deploy', token: 't' }),
    ).toBeInstanceOf(GithubActionsTenantCi);
    expect(
      ci({
        type: 'jenkins',
        baseUrl: 'https://jenkins.test',
        username: 'portal',
        apiToken: 't',
      }),
    ).toBeInstanceOf(JenkinsTenantCi);
    expect(() => ci({ type: 'gitlab' })).toThrow(/github, jenkins or local/);
  });
});
