export interface Config {
  app: {
    /**
     * The organisation's colours for the portal's light and dark themes and
     * its mark, as `#rrggbb`; the product's name is `app.title`.
     */
    branding?: {
      /**
       * Buttons, links, the active sidebar item, the mark. Default `#1f5fbf`.
       * @visibility frontend
       */
      primaryColor?: string;
      /**
       * The page headers' band. Default `#143d73`.
       * @visibility frontend
       */
      headerColor?: string;
    };
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
