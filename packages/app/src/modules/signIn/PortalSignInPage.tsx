import {
  ProxiedSignInPage,
  SignInPage,
  SignInProviderConfig,
} from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { useProductName } from '../theme/useProductName';

const githubProvider: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/** The sign-in provider of a portal behind oauth2-proxy, which signs people in by itself. */
const PROXY_PROVIDER = 'oauth2Proxy';

/**
 * Guest sign-in on the embedded default; GitHub as well when
 * `app.signIn.providers` lists it. When it lists `oauth2Proxy`, a person
 * the proxy in front of the portal vouches for is signed in without a
 * click, and anyone else gets the other providers.
 */
export const PortalSignInPage = (props: SignInPageProps) => {
  const config = useApi(configApiRef);
  const configured = config.getOptionalStringArray('app.signIn.providers') ?? [
    'guest',
  ];
  const providers = configured
    .filter(id => id !== PROXY_PROVIDER)
    .map(id => (id === 'github' ? githubProvider : ('guest' as const)));
  const title = `Sign in to ${useProductName()}`;
  const chooser = <SignInPage {...props} title={title} providers={providers} />;
  if (!configured.includes(PROXY_PROVIDER)) return chooser;
  return (
    <ProxiedSignInPage
      {...props}
      provider={PROXY_PROVIDER}
      ErrorComponent={() => chooser}
    />
  );
};
