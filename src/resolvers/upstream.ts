import type { Context } from '../context.js';
import { UpstreamError } from '../errors.js';

/** Turns an agency's failure into the public UPSTREAM_UNAVAILABLE error at the field that needed it. */
export async function orUpstreamError<T>(context: Context, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    throw error.toGraphError(context.lang, context.registry.nameOf(error.agency, context.lang));
  }
}
