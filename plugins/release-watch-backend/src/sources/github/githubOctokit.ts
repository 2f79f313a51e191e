import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type GithubClient = InstanceType<typeof ThrottledOctokit>;

/**
 * Octokit clients with the GitHub integration's credentials (a token or a
 * GitHub App) against its API base URL (GitHub Enterprise too), retrying
 * server errors and waiting out rate limits.
 */
export function createGithubClientFactory(
  config: Config,
  host: string,
  logger: LoggerService,
  options: { retryAfterBaseSeconds?: number } = {},
) {
  const integrations = ScmIntegrations.fromConfig(config);
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  return async (repository: string): Promise<GithubClient> => {
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `No GitHub integration is configured for ${host} (integrations.github)`,
      );
    }
    const { token } = await credentials.getCredentials({
      url: `https://${host}/${repository}`,
    });
    const retryLimit = 3;
    const waitOut =
      (kind: string) =>
      (
        retryAfter: number,
        request: any,
        _octokit: unknown,
        retryCount: number,
      ) => {
        logger.warn(
          `GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`,
        );
        return retryCount < retryLimit;
      };
    return new ThrottledOctokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
      retry: {
        retryAfterBaseValue: (options.retryAfterBaseSeconds ?? 1) * 1000,
      },
      throttle: {
        onRateLimit: waitOut('rate limit'),
        onSecondaryRateLimit: waitOut('secondary rate limit'),
      },
    });
  };
}
