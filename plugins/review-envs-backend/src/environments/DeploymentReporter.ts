import { ReviewEnvironment } from '@internal/plugin-review-envs-common';

/** Where an environment stands, as a pull request page shows it. */
export type DeploymentStatus =
  | { state: 'success'; url: string }
  | { state: 'failure'; description: string }
  | { state: 'inactive'; description: string };

/** Tells a pull request where its review environment stands. */
export interface DeploymentReporter {
  report(
    environment: ReviewEnvironment,
    status: DeploymentStatus,
  ): Promise<void>;
}
