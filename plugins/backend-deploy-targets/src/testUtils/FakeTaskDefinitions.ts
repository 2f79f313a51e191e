import { ACCOUNT, EcsError, FakeTaskDefinition, REGION } from './fakeEcsModel';

/** The fake ECS's task definitions: a revision per registration of a family. */
export class FakeTaskDefinitions {
  private readonly definitions: FakeTaskDefinition[] = [];

  register(body: any) {
    const family: string = body.family;
    const revision =
      this.definitions.filter(definition => definition.family === family)
        .length + 1;
    const taskDefinitionArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`;
    const definition: FakeTaskDefinition = {
      taskDefinitionArn,
      family,
      revision,
      status: 'ACTIVE',
      image: body.containerDefinitions[0].image,
      body: { ...body, taskDefinitionArn, revision, status: 'ACTIVE' },
    };
    this.definitions.push(definition);
    return definition.body;
  }

  deregister(arn: string) {
    const definition = this.find(arn);
    if (!definition) {
      throw new EcsError(
        'ClientException',
        'Unable to describe task definition.',
      );
    }
    definition.status = 'INACTIVE';
    return { ...definition.body, status: 'INACTIVE' };
  }

  list(familyPrefix: string, status: string): string[] {
    return this.definitions
      .filter(
        definition =>
          definition.family.startsWith(familyPrefix) &&
          definition.status === status,
      )
      .map(definition => definition.taskDefinitionArn);
  }

  find(arn: string): FakeTaskDefinition | undefined {
    return this.definitions.find(
      definition => definition.taskDefinitionArn === arn,
    );
  }

  requireActive(arn: string) {
    if (this.find(arn)?.status !== 'ACTIVE') {
      throw new EcsError(
        'ClientException',
        `TaskDefinition ${arn} is inactive or missing`,
      );
    }
  }
}
