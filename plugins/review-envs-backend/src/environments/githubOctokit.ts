import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';

/**
 * Octokit clients with the credentials of the portal's GitHub integration
 * (a token or a GitHub App), against its API base URL, so GitHub Enterprise
 * works too.
 */
export function createOctokitFactory(config: Config, host: string) {
  const integrations = ScmIntegrations.fromConfig(config);
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  return async (repository: string): Promise<Octokit> => {
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `No GitHub integration is configured for ${host} (integrations.github)`,
      );
    }
    const { token } = await credentials.getCredentials({
      url: `https://${host}/${repository}`,
    });
    return new Octokit({ auth: token, baseUrl: integration.config.apiBaseUrl });
  };
}
