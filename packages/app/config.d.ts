export interface Config {
  app: {
    signIn?: {
      /**
       * Sign-in providers offered on the sign-in page, in order.
       * `app-config.github.yaml` adds `github`.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'github'>;
    };
  };
}
