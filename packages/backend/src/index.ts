import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
// The app bundle's Brotli and gzip copies, made once by its build.
backend.add(import('@internal/plugin-app-backend-module-precompressed-assets'));
backend.add(import('@backstage/plugin-proxy-backend'));
// Event bus in the database: signals, catalog updates and webhooks reach
// every replica.
backend.add(import('@backstage/plugin-events-backend'));
// GitHub webhooks at /api/events/http/github, signature-checked with
// events.modules.github.webhookSecret (no secret, no endpoint).
backend.add(import('@backstage/plugin-events-backend-module-github'));

// Sign-in: guest on the embedded default, GitHub when app-config.github.yaml is loaded.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
// Signs in whoever oauth2-proxy in front of the portal vouches for; only
// when auth.providers.oauth2Proxy is configured (see README).
backend.add(
  import('@backstage/plugin-auth-backend-module-oauth2-proxy-provider'),
);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/portalPermissionPolicyModule'));

// Search: PostgreSQL full-text search when the database is PostgreSQL, the
// in-memory Lunr engine otherwise.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// The product's plugins.
backend.add(import('@internal/plugin-tenant-scaffolder-backend'));
// The tenant:* actions of the New tenant template.
backend.add(import('@internal/plugin-scaffolder-backend-module-tenant'));
backend.add(import('@internal/plugin-release-watch-backend'));
backend.add(import('@internal/plugin-review-envs-backend'));
backend.add(import('@internal/plugin-catalog-backend-module-review-envs'));
backend.add(import('@internal/plugin-catalog-backend-module-tenants'));
backend.add(import('./catalog/localFileLocationsModule'));

backend.start();
