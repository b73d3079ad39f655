/**
 * What a query asks for below the field being resolved — so that a resolver can fetch, in the round it is
 * already making, what the fields below will need (the documents of a page of cases). Fragments are
 * followed; @skip/@include are not read, so a field under one counts as asked for (a fetch too many, never
 * one too few).
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The names of the fields selected at `path` below the current field (e.g. ['edges', 'node']). */
export function selectedAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) level = fieldsOf(info, level).filter((f) => f.name.value === name);
  return new Set(fieldsOf(info, level).map((f) => f.name.value));
}

/** The fields directly inside these fields' selection sets, through fragments. */
function fieldsOf(info: GraphQLResolveInfo, fields: readonly FieldNode[]): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const field of fields) visit(field.selectionSet);
  return found;
}
