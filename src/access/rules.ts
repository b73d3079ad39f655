/**
 * Building blocks the agencies' policies are made of, each one rule of domain.md §4, so that a policy
 * reads as the agency's own portal rules.
 */
import type { Capabilities, CaseClosure, ViewerOnCase } from '../agencies/kit/port.js';

const DAY_MS = 86_400_000;

/** A case closed to the viewer: nothing may be done with it. */
export const NO_CAPABILITIES: Capabilities = {
  seeDocuments: false,
  readDocumentContent: false,
  submitInformation: false,
  fillForms: false,
};

export const FULL: Capabilities = {
  seeDocuments: true,
  readDocumentContent: true,
  submitInformation: true,
  fillForms: true,
};
/** Read-only, but forms may still be filled in (Helseklage's represented party). */
export const READ_ONLY_WITH_FORMS: Capabilities = { ...FULL, submitInformation: false };
/** Follow the case and see document titles; nothing to open or send (Denmark's overview pattern). */
export const OVERVIEW_ONLY: Capabilities = {
  seeDocuments: true,
  readDocumentContent: false,
  submitInformation: false,
  fillForms: false,
};

/** NPE: a closed case disappears from the portal this many days after closing. */
export function closedMoreThanDaysAgo(days: number) {
  return (c: { closedAt: string | null }, now: Date): boolean =>
    c.closedAt !== null && now.getTime() - Date.parse(c.closedAt) > days * DAY_MS;
}

/** STPK: only cases created on or after the cut-off exist in the overview. */
export function createdBefore(cutoff: string) {
  return (c: { createdAt: string }): boolean => c.createdAt.slice(0, 10) < cutoff;
}

/** A party must have a mobile number registered in the case (notifications go there). */
export function partyWithoutMobile(viewer: ViewerOnCase): CaseClosure | null {
  return viewer.role === 'PARTY' && !viewer.hasMobile ? 'MISSING_CONTACT_INFO' : null;
}

/** A lawyer must have a direct e-mail registered, not a shared inbox. */
export function lawyerWithoutPersonalEmail(viewer: ViewerOnCase): CaseClosure | null {
  return viewer.role === 'LAWYER' && (!viewer.hasEmail || viewer.emailIsPersonal === false)
    ? 'LAWYER_EMAIL_NOT_PERSONAL'
    : null;
}

/** A lawyer must have both e-mail and phone registered. */
export function lawyerWithoutContact(viewer: ViewerOnCase): CaseClosure | null {
  return viewer.role === 'LAWYER' && (!viewer.hasEmail || !viewer.hasMobile) ? 'MISSING_CONTACT_INFO' : null;
}

/** Helseklage does not support a case with two lawyers: it is closed to both. */
export function twoLawyers(viewer: ViewerOnCase): CaseClosure | null {
  return viewer.role === 'LAWYER' && viewer.lawyersOnCase > 1 ? 'TWO_LAWYERS' : null;
}
