export { okJson } from './okJson';
export { sendRequest } from './sendRequest';
export type { OperationCall } from './sendRequest';
export type {
  ClientDependencies,
  OperationRequest,
  OperationResult,
  OperationShape,
  RequestOptions,
  TypedResponse,
} from './types';
