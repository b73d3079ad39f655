/**
 * The request body for a registered operation: its id instead of its text (what a gateway with
 * `SAFELIST=on` requires), with variables typed by the operation. Use with any HTTP client:
 *
 *   const body = persistedRequest(DashboardDocument, { first: 20 });
 *   const answer = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(body) });
 *   const { data } = (await answer.json()) as { data: DashboardQuery };
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind } from 'graphql';

export interface PersistedRequest<Variables> {
  documentId: string;
  operationName: string;
  variables: Variables;
}

export function persistedRequest<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): PersistedRequest<Variables> {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (typeof hash !== 'string' || !operation || !('name' in operation) || !operation.name)
    throw new Error('not a registered operation: run npm run codegen');
  return { documentId: hash, operationName: operation.name.value, variables };
}
