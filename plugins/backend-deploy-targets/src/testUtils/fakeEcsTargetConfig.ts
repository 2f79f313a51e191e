/**
 * The AWS integration (`aws` of the root config) with made-up keys: requests
 * to a FakeEcsServer are signed with them, and tests look for the key id.
 */
export const FAKE_AWS_INTEGRATION = {
  mainAccount: {
    accessKeyId: 'AKIAFAKEFORTESTS',
    secretAccessKey: 'not-a-secret',
  },
};

/**
 * An `ecs` target block for a FakeEcsServer at `endpoint`: cluster `review`
 * in eu-west-1, environments at `<endpoint>/apps/<environment id>`, healthy
 * on `/health` within 5 s; override what a test needs.
 */
export function fakeEcsTargetBlock(
  endpoint: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    region: 'eu-west-1',
    endpoint,
    cluster: 'review',
    urlTemplate: `${endpoint}/apps/{environmentId}`,
    healthPath: '/health',
    healthTimeoutSeconds: 5,
    container: { port: 8080, cpu: '256', memory: '512', logGroup: '/review' },
    network: {
      subnets: ['subnet-1'],
      securityGroups: ['sg-1'],
      assignPublicIp: true,
    },
    ...overrides,
  };
}
