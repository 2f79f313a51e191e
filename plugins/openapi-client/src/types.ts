/**
 * The shape openapi-typescript gives each operation; a generated client
 * derives its methods' requests and answers from it.
 */
export type OperationShape = {
  parameters?: {
    query?: unknown;
    path?: unknown;
    header?: unknown;
    cookie?: unknown;
  };
  requestBody?: { content: Record<string, unknown> } | undefined;
  responses: Record<string | number, unknown>;
};

type Defined<T> = Exclude<T, undefined>;
type Parameter<
  Op extends OperationShape,
  In extends string,
> = In extends keyof Defined<Op['parameters']>
  ? Defined<Op['parameters']>[In]
  : never;

type OptionalIfEmpty<Key extends string, T> = [T] extends [never]
  ? {}
  : [T] extends [undefined]
  ? {}
  : {} extends T
  ? { [K in Key]?: T }
  : { [K in Key]: T };

// NonNullable: an optional request body is typed `requestBody?: ...`.
type BodyOf<Op extends OperationShape> = NonNullable<
  Op['requestBody']
> extends {
  content: infer Content;
}
  ? Content[keyof Content]
  : never;

/** What a call of the operation sends: path and query parameters, and its body. */
export type OperationRequest<Op extends OperationShape> = OptionalIfEmpty<
  'path',
  Parameter<Op, 'path'>
> &
  OptionalIfEmpty<'query', Parameter<Op, 'query'>> &
  OptionalIfEmpty<'body', BodyOf<Op>>;

type SuccessStatus = 200 | 201 | 202 | 204 | '200' | '201' | '202' | '204';

type ContentOf<R> = R extends { content: infer Content }
  ? Content[keyof Content]
  : void;

/** The body of the operation's successful answers. */
export type OperationResult<Op extends OperationShape> = ContentOf<
  Op['responses'][Extract<keyof Op['responses'], SuccessStatus>]
>;

/** A fetch Response whose JSON body is typed. */
export type TypedResponse<T> = Omit<Response, 'json'> & {
  json: () => Promise<T>;
};

/** Per call: the caller's token (backend callers), and a signal to give up. */
export type RequestOptions = {
  token?: string;
  signal?: AbortSignal;
};

/** The parts of Backstage's discovery and fetch APIs a client needs, front- and backend alike. */
export type ClientDependencies = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
};
