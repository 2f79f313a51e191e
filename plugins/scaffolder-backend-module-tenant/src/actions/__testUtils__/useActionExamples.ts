import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { MemoryRegistry } from '../../__testUtils__/MemoryRegistry';
import { TenantServiceDeployer } from '../../provisioning/deploy/TenantServiceDeployer';
import { readTenantDrivers } from '../../provisioning/readTenantDrivers';
import { TenantRollback } from '../../rollback/TenantRollback';
import {
  TenantActionDeps,
  TenantDrivers,
  tenantRemovers,
} from '../TenantActionDeps';

type CreateAction = (deps: TenantActionDeps) => TemplateAction<any, any, any>;
type DeployTarget = ConstructorParameters<typeof TenantServiceDeployer>[0];
type DeployRequest = Parameters<DeployTarget['deploy']>[0];

/** The tenant the examples provision, registered by the task that runs them. */
export const exampleTenant = {
  slug: 'acme',
  name: 'Acme Corp',
  plan: { kind: 'paid' },
  region: 'eu-west-1',
  owner: 'group:default/customer-success',
  version: '1.0.0',
  settings: { mail: { mode: 'platform' }, footer: { links: [] } },
  provisioningTask: 'mock-task-id',
};

/** Where an example runs: the embedded local drivers in a mock directory. */
export type ExampleFixture = {
  directory: ReturnType<typeof createMockDirectory>;
  registry: MemoryRegistry;
  drivers: TenantDrivers;
  /** What the deploy target double was asked to deploy. */
  deployed: DeployRequest[];
  /** Every line the task logged. */
  logs: () => string[];
};

/** How one example is run, and what must hold after it. */
export type ExampleCheck = {
  /** Task secrets, as the template's `ui:field: Secret` parameters pass them. */
  secrets?: Record<string, string>;
  /** Steps the template runs before this one, whose outputs the example names. */
  after?: Array<[CreateAction, TemplateExample]>;
  then: (
    output: Record<string, any>,
    fixture: ExampleFixture,
  ) => void | Promise<void>;
};

/**
 * Runs an action's usage examples as their template steps would: each first
 * as a dry run, which must change nothing, then for real. On the embedded
 * local drivers (real files, SQLite) in a mock directory, a registry in
 * memory, and a deploy target double. `${{ steps.<id>.output... }}` in an
 * example's input resolves to what the steps in `after` output. Fails the
 * suite when an example was never run.
 */
export function useActionExamples(
  createAction: CreateAction,
  examples: TemplateExample[],
  options: { tenantRegistered?: boolean } = {},
) {
  const directory = createMockDirectory();
  const fixture = { directory } as ExampleFixture;
  const ran = new Set<number>();
  let deps: TenantActionDeps;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let steps: Record<string, { output: Record<string, unknown> }>;

  beforeEach(async () => {
    directory.setContent({
      assets: { 'logo.svg': '<svg/>' },
      'seed.sql': 'CREATE TABLE invoices (id INTEGER PRIMARY KEY);',
    });
    const deployed: DeployRequest[] = [];
    const deployTarget = {
      type: 'local',
      deploy: async (request: DeployRequest) => {
        deployed.push(request);
        return {
          url: `http://localhost:7100/${request.environmentId}`,
          version: request.source.ref,
        };
      },
    } as unknown as DeployTarget;
    const drivers: TenantDrivers = {
      ...readTenantDrivers(config(directory), { dataDir: directory.path }),
      services: new TenantServiceDeployer(deployTarget, {
        repository: directory.resolve('tenant-app'),
        ref: 'HEAD',
      }),
    };
    const registry = new MemoryRegistry();
    logger = mockServices.logger.mock();
    deps = {
      registry,
      permissions: mockServices.permissions(),
      newTenantVersion: '1.0.0',
      rollback: new TenantRollback(registry, tenantRemovers(drivers)),
      drivers,
    };
    Object.assign(fixture, {
      registry,
      drivers,
      deployed,
      logs: () => logger.info.mock.calls.map(([line]) => String(line)),
    });
    steps = {};
    if (options.tenantRegistered ?? true) {
      await registry.register(exampleTenant);
      steps.register = { output: { slug: exampleTenant.slug } };
    }
  });

  afterAll(() => {
    expect([...ran].sort()).toEqual(examples.map((_, index) => index));
  });

  async function runStep(
    action: CreateAction,
    example: TemplateExample,
    extra: { secrets?: Record<string, string>; isDryRun?: boolean } = {},
  ) {
    const created = action(deps);
    const { steps: exampleSteps } = yaml.parse(example.example);
    expect(exampleSteps).toHaveLength(1);
    const [step] = exampleSteps;
    expect(step.action).toBe(created.id);
    const declared = Object.keys(created.schema?.input?.properties ?? {});
    expect(declared).toEqual(expect.arrayContaining(Object.keys(step.input)));
    const ctx = createMockActionContext({
      input: resolveExpressions(step.input, { steps }),
      logger: logger as any,
      secrets: extra.secrets,
    });
    await created.handler({ ...ctx, isDryRun: extra.isDryRun });
    const output = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    if (!extra.isDryRun) steps[step.id] = { output };
    return output;
  }

  /** Runs example `index` as a dry run, then for real, and checks what it did. */
  return async function runExample(index: number, check: ExampleCheck) {
    ran.add(index);
    for (const [action, earlier] of check.after ?? []) {
      await runStep(action, earlier);
    }
    const before = {
      ledger: fixture.registry.ledger.length,
      registered: fixture.registry.registered.length,
      statuses: new Map(fixture.registry.tenants),
      files: directory.content(),
    };
    await runStep(createAction, examples[index], { ...check, isDryRun: true });
    expect(fixture.logs()).toContainEqual(expect.stringMatching(/^Would /));
    expect(fixture.registry.ledger).toHaveLength(before.ledger);
    expect(fixture.registry.registered).toHaveLength(before.registered);
    expect(fixture.registry.tenants).toEqual(before.statuses);
    expect(directory.content()).toEqual(before.files);

    const output = await runStep(createAction, examples[index], check);
    await check.then(output, fixture);
  };
}

function config(directory: ReturnType<typeof createMockDirectory>) {
  return new ConfigReader({
    tenantScaffolder: {
      provisioning: {
        seedSqlFile: directory.resolve('seed.sql'),
        assetsDir: directory.resolve('assets'),
      },
    },
  });
}

/** What the scaffolder makes of an input value that is one `${{ expression }}`. */
function resolveExpressions(value: unknown, context: object): any {
  if (typeof value === 'string') {
    const path = value.match(/^\$\{\{\s*([\w.]+)\s*\}\}$/)?.[1];
    if (!path) return value;
    const resolved = path
      .split('.')
      .reduce<any>((at, key) => at?.[key], context);
    if (resolved === undefined) {
      throw new Error(`${value} names nothing an earlier step output`);
    }
    return resolved;
  }
  if (Array.isArray(value)) {
    return value.map(item => resolveExpressions(item, context));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        resolveExpressions(item, context),
      ]),
    );
  }
  return value;
}
