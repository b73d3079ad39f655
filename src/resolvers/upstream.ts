import { UpstreamError } from '../errors.js';

/** Turns an agency's failure into the public UPSTREAM_UNAVAILABLE error at the field that needed it. */
export async function orUpstreamError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw error instanceof UpstreamError ? error.toGraphError() : error;
  }
}
