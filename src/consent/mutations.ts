/** giveConsent / withdrawConsent: checks the input, asks the service, audits, turns failures into user errors. */
import type { AuditOutcome } from '../audit/audit.js';
import type { ViewerRequest } from '../access/viewer.js';
import { UpstreamError, type UserError } from '../errors.js';
import { say, sayRefusal } from '../messages.js';
import type { AgencyConsent, ConsentService } from './consents.js';

/** The consent as it now stands, or what kept it from changing. */
type Payload = { consent: AgencyConsent | null; errors: UserError[] };

export async function changeConsent(
  context: ViewerRequest & { consentService: ConsentService },
  agencyCode: string,
  change: { give: true; notifications: boolean } | { give: false },
): Promise<Payload> {
  const record = (outcome: AuditOutcome, reason: string | null) =>
    context.viewer.audit({
      action: change.give ? 'GIVE_CONSENT' : 'WITHDRAW_CONSENT',
      outcome,
      object: `agency:${agencyCode.slice(0, 40)}`,
      role: 'SELF',
      basis: 'OWN_CONSENT',
      subjectIds: [context.viewer.principal.nationalId],
      reason,
    });
  const failed = (outcome: AuditOutcome, error: UserError): Payload => {
    record(outcome, error.code);
    return { consent: null, errors: [error] };
  };

  const adapter = context.registry.get(agencyCode);
  if (!adapter || !context.viewer.asksConsent(adapter.definition)) {
    return failed('DENIED', {
      code: 'BAD_USER_INPUT',
      message: say(context.lang, 'CONSENT_NOT_ASKED', {
        agency: context.registry.nameOf(agencyCode, context.lang),
      }),
      field: ['input', 'agency'],
    });
  }
  const refusal = context.viewer.loginRefusal(adapter.definition);
  if (refusal) {
    return failed('DENIED', {
      code: 'NOT_ELIGIBLE',
      reason: refusal.reason,
      message: sayRefusal(context.lang, refusal.reason, context.registry.nameOf(agencyCode, context.lang)),
    });
  }
  try {
    const consent = change.give
      ? await context.consentService.give(
          context.viewer.principal,
          adapter,
          change.notifications,
          context.viewer.call,
          context.lang,
        )
      : await context.consentService.withdraw(context.viewer.principal, adapter, context.viewer.call);
    record('GRANTED', null);
    return { consent, errors: [] };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    context.log.warn({ agency: agencyCode, failure: error.failure }, 'consent not passed on to the agency');
    return failed('FAILED', {
      code: 'UPSTREAM_UNAVAILABLE',
      message: say(context.lang, 'AGENCY_UNAVAILABLE_NOTHING_CHANGED', {
        agency: context.registry.nameOf(agencyCode, context.lang),
      }),
    });
  }
}
