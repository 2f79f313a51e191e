import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ECSClient,
  Service,
  paginateListServices,
  paginateListTaskDefinitions,
} from '@aws-sdk/client-ecs';
import { DeployFailedError } from '../DeployTarget';

/** Tags on every resource the ECS target creates; orphans are found by them. */
export const ENVIRONMENT_TAG = 'portal:environment-id';
export const VERSION_TAG = 'portal:version';

/**
 * Names an environment's service may have. A torn-down service drains for a
 * while under its name; a PR reopened meanwhile gets the next name.
 */
const SERVICE_NAME_SUFFIXES = ['', '--2', '--3'];

/**
 * What an ECS cluster holds of each environment: its services, found by
 * their names, and its task definition revisions, the family of which is
 * the environment id.
 */
export class EcsEnvironmentResources {
  constructor(
    private readonly client: ECSClient,
    private readonly cluster: string,
  ) {}

  /** The environment's services under any of its names, in any state. */
  async services(environmentId: string): Promise<Service[]> {
    return this.describe(
      SERVICE_NAME_SUFFIXES.map(suffix => `${environmentId}${suffix}`),
    );
  }

  /** Every service of the cluster, whoever made it. */
  async allServices(): Promise<Service[]> {
    const arns: string[] = [];
    for await (const page of paginateListServices(
      { client: this.client },
      { cluster: this.cluster },
    )) {
      arns.push(...(page.serviceArns ?? []));
    }
    const services: Service[] = [];
    for (let i = 0; i < arns.length; i += 10) {
      services.push(...(await this.describe(arns.slice(i, i + 10))));
    }
    return services;
  }

  async describe(services: string[]): Promise<Service[]> {
    const { services: found = [] } = await this.client.send(
      new DescribeServicesCommand({
        cluster: this.cluster,
        services,
        include: ['TAGS'],
      }),
    );
    return found;
  }

  /** ACTIVE task definition revisions of the environment's family. */
  async taskDefinitions(environmentId: string): Promise<string[]> {
    const arns: string[] = [];
    for await (const page of paginateListTaskDefinitions(
      { client: this.client },
      { familyPrefix: environmentId, status: 'ACTIVE' },
    )) {
      arns.push(
        // The prefix of env-1 also matches env-10.
        ...(page.taskDefinitionArns ?? []).filter(
          arn => arn.split('/').pop()?.split(':')[0] === environmentId,
        ),
      );
    }
    return arns;
  }

  async deregister(taskDefinitionArn: string) {
    await this.client.send(
      new DeregisterTaskDefinitionCommand({
        taskDefinition: taskDefinitionArn,
      }),
    );
  }
}

/** Whether the portal made the service for this environment: its tag says so. */
export function isOwnService(service: Service, environmentId: string): boolean {
  return (
    service.tags?.some(
      tag => tag.key === ENVIRONMENT_TAG && tag.value === environmentId,
    ) ?? false
  );
}

/** The first of the environment's service names that no live service holds. */
export function freeServiceName(
  environmentId: string,
  services: Service[],
): string {
  const taken = new Set(
    services
      .filter(service => service.status !== 'INACTIVE')
      .map(service => service.serviceName),
  );
  const name = SERVICE_NAME_SUFFIXES.map(
    suffix => `${environmentId}${suffix}`,
  ).find(candidate => !taken.has(candidate));
  if (!name) {
    throw new DeployFailedError(
      `${environmentId}: every service name is still draining from earlier teardowns; try again in a few minutes`,
    );
  }
  return name;
}
