export { createOctokit } from './createOctokit';
export type { CreateOctokitOptions, GithubClient } from './createOctokit';
export { createGithubClientFactory } from './createGithubClientFactory';
