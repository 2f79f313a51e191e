import { LoggerService } from '@backstage/backend-plugin-api';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const RetryingOctokit = Octokit.plugin(retry, throttling);

/** An Octokit that retries server errors and waits out GitHub's rate limits. */
export type GithubClient = InstanceType<typeof RetryingOctokit>;

export type CreateOctokitOptions = {
  /** A token; none for anonymous calls. */
  auth?: string;
  /** The REST API's URL. Default `https://api.github.com`. */
  baseUrl?: string;
  /** Told of every wait for a rate limit. */
  logger?: LoggerService;
  /** The wait before the first retry of a failed request; later waits grow. Default 1. */
  retryAfterBaseSeconds?: number;
};

/** How many times a rate-limited request is retried before it fails. */
const RATE_LIMIT_RETRIES = 3;

/**
 * The portal's one way to make an Octokit: failed requests are retried,
 * and rate-limited ones wait as long as GitHub says, at most
 * {@link RATE_LIMIT_RETRIES} times.
 */
export function createOctokit(
  options: CreateOctokitOptions = {},
): GithubClient {
  const waitOut =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      options.logger?.warn(
        `GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`,
      );
      return retryCount < RATE_LIMIT_RETRIES;
    };
  return new RetryingOctokit({
    auth: options.auth,
    baseUrl: options.baseUrl,
    retry: {
      retryAfterBaseValue: (options.retryAfterBaseSeconds ?? 1) * 1000,
    },
    throttle: {
      onRateLimit: waitOut('rate limit'),
      onSecondaryRateLimit: waitOut('secondary rate limit'),
    },
  });
}
