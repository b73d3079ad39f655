/**
 * Field-level access, declared in the SDL with @access and enforced here by one schema transformer,
 * applied last when the schema is built. A field's rule overrides its type's; a field with neither is
 * refused (default deny, and a test keeps the schema free of such fields). A refused field becomes null
 * with FORBIDDEN at its path, and the rest of the answer arrives.
 */
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { auditCaseAccess } from '../cases/audit.js';
import type { Capability } from '../access/person.js';
import type { ParticipantRole } from '../agencies/kit/port.js';
import type { CaseView, DocumentView, OutcomeView, ParticipantView } from '../cases/views.js';
import { requireViewer, type Context } from '../context.js';
import { graphError } from '../errors.js';
import type { AccessRule } from '../generated/graphql.js';
import { say } from '../messages.js';

function isCaseView(source: unknown): source is CaseView {
  return typeof source === 'object' && source !== null && 'decision' in source && 'record' in source;
}

const COMPENSATION_ROLES = new Set<ParticipantRole>(['PARTY', 'LAWYER', 'PROXY', 'BEREAVED']);

function isOutcomeView(source: unknown): source is OutcomeView {
  return typeof source === 'object' && source !== null && 'viewerRole' in source && 'labels' in source;
}

function isDocumentView(source: unknown): source is DocumentView {
  return (
    typeof source === 'object' &&
    source !== null &&
    'view' in source &&
    'record' in source &&
    isCaseView(source.view)
  );
}

function isParticipantView(source: unknown): source is ParticipantView {
  return typeof source === 'object' && source !== null && 'viewerRole' in source && 'isViewer' in source;
}

/** The viewer's right on a case the parent carries (a case is only ever resolved for a viewer). */
function mayOn(context: Context, capability: Capability, view: CaseView): boolean {
  return context.viewer?.mayOn(capability, view) ?? false;
}

/** Whether the rule lets this viewer read the field on this parent. Unknown shapes are refused (fail closed). */
function allows(rule: AccessRule, source: unknown, context: Context): boolean {
  switch (rule) {
    case 'PUBLIC':
    case 'VIA_PARENT':
      return true;
    case 'AUTHENTICATED':
      requireViewer(context);
      return true;
    case 'CASE_VIEWER':
      return isCaseView(source);
    case 'CASE_OPEN':
      return isCaseView(source) && source.decision.closure === null;
    case 'SEE_DOCUMENTS':
      return isCaseView(source) && mayOn(context, 'case:seeDocuments', source);
    case 'PARTICIPANT_CONTACT':
      return isParticipantView(source) && (source.isViewer || source.viewerRole === 'LAWYER');
    case 'READ_CONTENT':
      if (isDocumentView(source)) return mayOn(context, 'case:readDocumentContent', source.view);
      return isCaseView(source) && mayOn(context, 'case:readDocumentContent', source);
    case 'COMPENSATION':
      // A guardian's mandate may not cover the ward's finances, and the agency cannot see its scope.
      return isOutcomeView(source) && COMPENSATION_ROLES.has(source.viewerRole);
  }
}

function forbidden(rule: AccessRule | null, source: unknown, context: Context, field: string) {
  // A refused document list is an access to audit, like a granted one.
  if (rule === 'SEE_DOCUMENTS' && isCaseView(source) && context.viewer) {
    auditCaseAccess(
      requireViewer(context).viewer,
      source,
      'READ_DOCUMENT_LIST',
      'DENIED',
      source.decision.closure ?? 'FORBIDDEN',
    );
  }
  return graphError('FORBIDDEN', say(context.lang, 'FIELD_FORBIDDEN', { field }));
}

/** The rule of a field: its own @access, else its type's, else none (refused). */
export function ruleOf(
  schema: GraphQLSchema,
  typeName: string,
  fieldConfig: Parameters<typeof getDirective>[1],
): AccessRule | null {
  const own = getDirective(schema, fieldConfig, 'access')?.[0] as { rule?: AccessRule } | undefined;
  const type = schema.getType(typeName);
  const inherited = type && (getDirective(schema, type, 'access')?.[0] as { rule?: AccessRule } | undefined);
  return own?.rule ?? inherited?.rule ?? null;
}

export function applyFieldAccess(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const rule = ruleOf(schema, typeName, fieldConfig);
      const resolve: GraphQLFieldResolver<unknown, Context> = fieldConfig.resolve ?? defaultFieldResolver;
      return {
        ...fieldConfig,
        resolve: (source, args, context: Context, info) => {
          if (!rule || !allows(rule, source, context))
            throw forbidden(rule, source, context, `${typeName}.${fieldName}`);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
