import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';

const githubProvider: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * Guest sign-in on the embedded default; GitHub as well when
 * `app.signIn.providers` lists it.
 */
export const PortalSignInPage = (props: SignInPageProps) => {
  const config = useApi(configApiRef);
  const configured = config.getOptionalStringArray('app.signIn.providers') ?? [
    'guest',
  ];
  const providers = configured.map(id =>
    id === 'github' ? githubProvider : ('guest' as const),
  );
  return <SignInPage {...props} providers={providers} />;
};
