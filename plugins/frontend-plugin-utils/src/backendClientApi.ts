import {
  ApiBlueprint,
  ApiRef,
  DiscoveryApi,
  discoveryApiRef,
  FetchApi,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';

/** A client of a plugin's backend: it finds the backend by discovery and calls it through fetch. */
export type BackendClientConstructor<T> = new (options: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}) => T;

/**
 * The extension that provides `api` as a `Client` of the plugin's backend.
 * A plugin's second such API needs a `name` (its extension id is
 * `api:<plugin>/<name>`).
 */
export function backendClientApi<T>(
  api: ApiRef<T>,
  Client: BackendClientConstructor<T>,
  options: { name?: string } = {},
) {
  return ApiBlueprint.make({
    ...(options.name !== undefined && { name: options.name }),
    params: defineParams =>
      defineParams({
        api,
        deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
        factory: ({ discoveryApi, fetchApi }) =>
          new Client({ discoveryApi, fetchApi }),
      }),
  });
}
