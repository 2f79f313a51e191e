import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  createOctokit,
  CreateOctokitOptions,
  GithubClient,
} from './createOctokit';

/**
 * Clients for the repositories on `host`, with the credentials its GitHub
 * integration (`integrations.github`) gives for each, a token or a GitHub
 * App's, against its API base URL (GitHub Enterprise too); made by
 * {@link createOctokit}.
 */
export function createGithubClientFactory(
  config: Config,
  host: string,
  logger: LoggerService,
  options: Pick<CreateOctokitOptions, 'retryAfterBaseSeconds'> = {},
): (repository: string) => Promise<GithubClient> {
  const integrations = ScmIntegrations.fromConfig(config);
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  return async repository => {
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `No GitHub integration is configured for ${host} (integrations.github)`,
      );
    }
    const { token } = await credentials.getCredentials({
      url: `https://${host}/${repository}`,
    });
    return createOctokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
      logger,
      retryAfterBaseSeconds: options.retryAfterBaseSeconds,
    });
  };
}
