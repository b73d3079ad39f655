/** The authenticated context for the file routes, built exactly as for the graph; refusals as JSON. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { requireViewer, type AuthenticatedContext, type Context } from '../context.js';

export type ContextBuilder = (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;

/** The viewer's context, or null after answering 401 (or 429) as the graph would. */
export async function authenticated(
  build: ContextBuilder,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AuthenticatedContext | null> {
  try {
    return requireViewer(await build(request, reply));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'UNAUTHENTICATED';
    void reply.code(code === 'RATE_LIMITED' ? 429 : 401).send({ error: code, message: error.message });
    return null;
  }
}

export function unavailable(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .send({ error: 'UPSTREAM_UNAVAILABLE', message: 'The agency could not be reached; try again later.' });
}
