/** submitForm: the form must be one the case awaits; answers are checked field by field, then delivered like submissions. */
import { AGENCY_DOWN, caseToActOn } from '../cases/act-on.js';
import { auditCaseAccess } from '../cases/audit.js';
import type { AuthenticatedContext } from '../context.js';
import { UpstreamError } from '../errors.js';
import type { SubmitFormInput } from '../generated/graphql.js';
import { accept, IDEMPOTENCY_KEY, refused, type SubmitResult } from '../submissions/submit.js';
import { validateAnswers } from './validate.js';

const unavailable = () =>
  refused({ code: 'UPSTREAM_UNAVAILABLE', message: 'The agency could not be reached; try again later.' });

export async function submitForm(
  context: AuthenticatedContext,
  input: SubmitFormInput,
): Promise<SubmitResult> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    return refused({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_IDEMPOTENCY_KEY',
      field: ['input', 'idempotencyKey'],
      message: 'The idempotency key must be 8–100 letters, digits, - or _.',
    });
  }
  // The form's definition comes from the agency: without it the answers cannot be checked, so nothing is taken.
  const target = await caseToActOn(context, input.caseId);
  if ('agencyDown' in target) return refused(AGENCY_DOWN);
  if ('error' in target) return refused(target.error);
  const { view } = target;
  const adapter = context.registry.get(view.definition.code);
  if (!view.decision.capabilities.fillForms || !adapter?.submitForm) {
    auditCaseAccess(context, view, 'SUBMIT_FORM', 'DENIED', 'NOT_ALLOWED');
    return refused({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
      field: ['input', 'caseId'],
      message: 'You cannot fill in forms in this case.',
    });
  }
  const awaited = view.record.awaitingForms.find((f) => f.formId === input.formId);
  let definitions;
  try {
    definitions = await adapter.formDefinitions(context.call);
  } catch (error) {
    if (error instanceof UpstreamError) return unavailable();
    throw error;
  }
  const definition = awaited && definitions.find((d) => d.code === awaited.code);
  if (!definition)
    return refused({
      code: 'NOT_FOUND',
      message: 'The case does not await this form.',
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
        message: `The answer to “${key}” is not accepted (${problem}).`,
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
    input.idempotencyKey,
  );
}
