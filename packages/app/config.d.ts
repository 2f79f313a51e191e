export interface Config {
  app: {
    signIn?: {
      /**
       * Sign-in providers offered on the sign-in page, in order.
       * `app-config.github.yaml` adds `github`; `oauth2Proxy` signs in
       * whoever the oauth2-proxy in front of the portal vouches for, without
       * a click, and offers the others to anyone else.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'github' | 'oauth2Proxy'>;
    };
  };
}
