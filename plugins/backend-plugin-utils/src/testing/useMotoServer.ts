import { MotoServer, findMotoServer, startMotoServer } from './motoServer';

/**
 * Whether a test suite can run on moto_server. Where it is missing, says so
 * plainly and answers false (skip the suite); under CI it throws instead,
 * failing the suite, as CI's machines carry moto_server. ./scripts/test runs
 * Jest with CI=true everywhere (no watch mode), so it says in
 * PORTAL_REQUIRE_MOTO whether its own caller was CI.
 */
export function motoServerAvailable(suite: string): boolean {
  if (findMotoServer()) return true;
  const why = `${suite}: moto_server (the AWS emulator) is not on PATH`;
  if (process.env.PORTAL_REQUIRE_MOTO ?? process.env.CI) {
    throw new Error(`${why}; CI machines carry it`);
  }
  // eslint-disable-next-line no-console
  console.warn(`${why}: skipped`);
  return false;
}

/**
 * A `describe` block that needs moto_server. Where moto_server is missing
 * the block is skipped, and motoServerAvailable says so in the output;
 * under CI it throws instead, so CI never skips these suites.
 */
export function describeOnMoto(suite: string, tests: () => void): void {
  // The one reason to skip: moto_server is not on PATH outside CI.
  const describeIfMoto = motoServerAvailable(suite) ? describe : describe.skip;
  describeIfMoto(suite, tests);
}

/**
 * Starts a moto_server for the enclosing describe block, resets it before
 * each test and stops it after the block; returns a getter for it.
 */
export function useMotoServer(
  options: { env?: Record<string, string> } = {},
): () => MotoServer {
  let server: MotoServer | undefined;
  beforeAll(async () => {
    server = await startMotoServer({ env: options.env });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    await server!.reset();
  });
  return () => server!;
}
