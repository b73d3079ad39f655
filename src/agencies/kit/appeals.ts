/**
 * Builders for what can follow an agency's decision (AppealRoute in port.ts): an appeal to a body within a
 * period, only the courts, or nothing further.
 */
import type { Labels } from '../../i18n.js';
import type { AppealPeriod, AppealRoute } from './port.js';

export function appealTo(body: Labels, period: AppealPeriod, howTo: Labels): AppealRoute {
  return { kind: 'APPEAL_BODY', body, period, howTo };
}

export function courtsOnly(period: AppealPeriod | null, howTo: Labels): AppealRoute {
  return { kind: 'COURTS', period, howTo };
}

export function noFurtherRoute(howTo: Labels): AppealRoute {
  return { kind: 'NONE', howTo };
}
