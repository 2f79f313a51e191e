import { ResponseError } from '@backstage/errors';
import { TypedResponse } from './types';

/**
 * The JSON body of a successful answer; any other answer throws the
 * ResponseError that Backstage's error body describes.
 */
export async function okJson<T>(
  answer: TypedResponse<T> | Promise<TypedResponse<T>>,
): Promise<T> {
  const response = await answer;
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response.json();
}
