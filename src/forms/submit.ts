/** submitForm: the form must be one the case awaits; answers are checked field by field, then delivered like submissions. */
import { agencyDown, caseToActOn } from '../cases/act-on.js';
import { auditCaseAccess } from '../cases/audit.js';
import { UpstreamError } from '../errors.js';
import type { AgencyDefinition, FormDefinition } from '../agencies/kit/port.js';
import type { Lang } from '../i18n.js';
import {
  accept,
  IDEMPOTENCY_KEY,
  refused,
  replay,
  type SubmitRequest,
  type SubmitResult,
} from '../submissions/submit.js';
import { say } from '../messages.js';
import { validateAnswers, type FieldProblem } from './validate.js';

/** A filled-in form, as the person sends it. */
export interface FormToSubmit {
  caseId: string;
  formId: string;
  answers: readonly { key: string; value: string }[];
  /** Chosen by the client once per submission, as for new information. */
  idempotencyKey: string;
}

export async function submitForm(context: SubmitRequest, input: FormToSubmit): Promise<SubmitResult> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    return refused({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_IDEMPOTENCY_KEY',
      field: ['input', 'idempotencyKey'],
      message: say(context.lang, 'BAD_IDEMPOTENCY_KEY'),
    });
  }
  const idempotency = {
    key: input.idempotencyKey,
    fingerprint: context.submissions.records.fingerprint({
      caseId: input.caseId,
      kind: 'FORM',
      formId: input.formId,
      answers: input.answers,
    }),
  };
  const repeated = await replay(context, idempotency);
  if (repeated) return repeated;
  // The form's definition comes from the agency: without it the answers cannot be checked, so nothing is taken.
  const target = await caseToActOn(context, input.caseId);
  if ('agencyDown' in target) return refused(agencyDown(context, target.agencyDown));
  if ('error' in target) return refused(target.error);
  const { view } = target;
  const adapter = context.registry.get(view.definition.code);
  if (!adapter?.submitForm || !context.viewer.mayOn('case:fillForms', view)) {
    auditCaseAccess(context.viewer, view, 'SUBMIT_FORM', 'DENIED', 'NOT_ALLOWED');
    return refused({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
      field: ['input', 'caseId'],
      message: say(context.lang, 'CANNOT_FILL_FORMS'),
    });
  }
  const awaited = view.record.awaitingForms.find((f) => f.formId === input.formId);
  let definitions;
  try {
    definitions = await adapter.formDefinitions(context.viewer.call);
  } catch (error) {
    if (error instanceof UpstreamError) return refused(agencyDown(context, error.agency));
    throw error;
  }
  const definition = awaited && definitions.find((d) => d.code === awaited.code);
  if (!definition)
    return refused({
      code: 'NOT_FOUND',
      message: say(context.lang, 'FORM_NOT_AWAITED'),
      field: ['input', 'formId'],
    });

  const checked = validateAnswers(definition, input.answers);
  if (!('answers' in checked)) {
    return {
      submission: null,
      errors: checked.problems.map(({ key, problem }) => ({
        code: 'BAD_USER_INPUT',
        reason: problem,
        field: ['input', 'answers', key],
        message: sayFieldProblem(context.lang, view.definition, definition, key, problem),
      })),
    };
  }
  return accept(
    context,
    view,
    {
      caseId: input.caseId,
      kind: 'FORM',
      message: definition.code,
      attachmentIds: [],
      formId: input.formId,
      answers: checked.answers,
    },
    idempotency,
  );
}

/** A field's problem in the person's language, naming the field by its label (its key when it has none). */
function sayFieldProblem(
  lang: Lang,
  agency: AgencyDefinition,
  form: FormDefinition,
  key: string,
  problem: FieldProblem,
): string {
  const field = form.fields.find((f) => f.key === key);
  const label = agency.labels.forms[`${form.code}.${key}`]?.[lang] ?? key;
  return say(lang, `FIELD_${problem}`, { label, max: field?.maxLength ?? '', min: field?.min ?? '' });
}
