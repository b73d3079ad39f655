/**
 * The client kit's glue for sending registered operations by their id (what a gateway with `SAFELIST=on`
 * requires, in one round trip). Apollo Client 4, urql 6 and graphql-ws set up with it: `recipes/` (the
 * README shows them). Any other HTTP client:
 *
 *   const body = persistedRequest(DashboardDocument, { first: 20 });
 *   const answer = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(body) });
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, type DocumentNode } from 'graphql';
import * as kit from './generated/graphql.js';

export interface PersistedRequest<Variables> {
  documentId: string;
  operationName: string;
  variables: Variables;
}

function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation && 'name' in operation ? operation.name?.value : undefined;
}

const hashOf = (value: unknown) => (value as { __meta__?: { hash?: unknown } }).__meta__?.hash;

/**
 * Registered ids by operation name. By name, not by the document object: a client may hand its links a
 * copy of the document (Apollo Client runs its document transforms first), which carries no `__meta__`.
 */
const idsByName = new Map<string, string>(
  Object.values(kit).flatMap((value) => {
    const hash = hashOf(value);
    const name = typeof hash === 'string' ? operationName(value) : undefined;
    return typeof hash === 'string' && name ? [[name, hash] as const] : [];
  }),
);

/** The registered id of an operation of the kit (`sha256:<hex>`). */
export function persistedId(document: DocumentNode): string {
  const name = operationName(document);
  const id = name === undefined ? undefined : idsByName.get(name);
  if (id === undefined)
    throw new Error(`${name ?? 'an anonymous operation'} is not registered: run npm run codegen`);
  return id;
}

/** The hash Apollo's persisted-query protocol sends (`extensions.persistedQuery.sha256Hash`): the id's hex. */
export function persistedQueryHash(document: DocumentNode): string {
  return persistedId(document).slice('sha256:'.length);
}

/** The request body for a registered operation: its id instead of its text, with typed variables. */
export function persistedRequest<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): PersistedRequest<Variables> {
  return { documentId: persistedId(document), operationName: operationName(document) ?? '', variables };
}
