import { ClientDependencies, RequestOptions } from './types';

/** One call of an operation, as a generated client describes it. */
export type OperationCall = {
  pluginId: string;
  method: string;
  /** The path template of the spec, e.g. `/tenants/{slug}`. */
  path: string;
  request: {
    path?: object;
    query?: object;
    body?: unknown;
  };
  options?: RequestOptions;
};

/**
 * Sends one call to the plugin found through discovery: path parameters
 * encoded into the template, query parameters that are set, a JSON body, and
 * the caller's token when one is given. Answers the Response as it came;
 * callers decide what a status means.
 */
export async function sendRequest(
  dependencies: ClientDependencies,
  call: OperationCall,
): Promise<Response> {
  const { discoveryApi, fetchApi } = dependencies;
  const baseUrl = await discoveryApi.getBaseUrl(call.pluginId);
  const params = (call.request.path ?? {}) as Record<string, unknown>;
  const path = call.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    if (params[name] === undefined) {
      throw new TypeError(
        `${call.path}: the path parameter ${name} is missing`,
      );
    }
    return encodeURIComponent(String(params[name]));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) query.append(name, String(item));
    }
  }
  const search = query.size > 0 ? `?${query}` : '';
  const headers: Record<string, string> = {};
  if (call.options?.token) {
    headers.Authorization = `Bearer ${call.options.token}`;
  }
  const hasBody = call.request.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  const doFetch = fetchApi?.fetch ?? fetch;
  return doFetch(`${baseUrl}${path}${search}`, {
    method: call.method.toUpperCase(),
    // None at all for a plain call, as fetch itself would send it.
    ...(Object.keys(headers).length > 0 && { headers }),
    body: hasBody ? JSON.stringify(call.request.body) : undefined,
    signal: call.options?.signal,
  });
}
