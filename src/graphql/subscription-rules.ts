/**
 * What every subscription transport applies alike (server-sent events, multipart HTTP, WebSocket): the
 * query limits and "subscriptions only", the error masking, and one of the person's stream slots held
 * while the subscription is open.
 */
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Context } from '../context.js';
import { graphError, maskedInLanguage } from '../errors.js';
import type { Lang } from '../i18n.js';
import { say } from '../messages.js';
import type { Slot } from '../person-slots.js';

export interface SubscriptionRules {
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The parser's token limit, as for queries. */
  maxTokens: number;
}

/** The validation errors of a subscription document (a query or mutation is one of them). */
export function validateSubscription(rules: SubscriptionRules, document: DocumentNode): GraphQLError[] {
  const invalid = (message: string, nodes?: GraphQLError['nodes']) =>
    new GraphQLError(message, { nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  const errors = validate(rules.schema, document, [...specifiedRules, ...rules.validationRules]);
  if (errors.length) return errors.map((e) => invalid(e.message, e.nodes));
  if (getOperationAST(document)?.operation !== OperationTypeNode.SUBSCRIPTION)
    return [invalid('Only subscriptions are served here; send queries and mutations to /graphql.')];
  return [];
}

/** A result with its errors masked as the graph masks them. */
export function formatResult(
  rules: SubscriptionRules,
  result: ExecutionResult,
  lang: Lang,
): FormattedExecutionResult {
  const { errors, ...rest } = result;
  return errors
    ? { ...rest, errors: errors.map((e) => maskedInLanguage(rules.formatError(e.toJSON(), e), lang)) }
    : rest;
}

/** One of the person's stream slots, or RATE_LIMITED when they hold all of them; none needed without a login. */
export async function holdStreamSlot(context: Context): Promise<Slot> {
  if (!context.viewer) return { release: async () => undefined };
  const slot = await context.eventStreamSlots.acquire(context.viewer.principal, context.log);
  if (!slot)
    throw graphError(
      'RATE_LIMITED',
      say(context.lang, 'STREAM_LIMIT', { limit: context.eventStreamSlots.limit }),
    );
  return slot;
}
