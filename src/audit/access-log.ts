/**
 * "Who has seen my data" (GDPR art. 15; the EU court in C-579/21): a person's entries of the audit trail —
 * every read and write of a case they are a party to, and of their consents — as they and an operator
 * answering their access request read them: when, who (the person themself, or someone acting on the case,
 * by role and by the name the case gives them), on what basis, what, and how it went. The graph's
 * `Viewer.accessLog` and `npm run audit:subject` both read it from here.
 */
import type { ParticipantRole } from '../agencies/kit/port.js';
import type { Principal } from '../auth/principal.js';
import { COMMON_LABELS, labelTable, type Labels, type Lang } from '../i18n.js';
import type { AuditAction, AuditLog, AuditOutcome } from './audit.js';

export interface AccessLogEntryView {
  at: string;
  byViewer: boolean;
  actorName: string | null;
  /** The role the actor acted in, where a case registered them in one. */
  actorRole: ParticipantRole | null;
  provider: Principal['provider'];
  action: AuditAction;
  basis: string | null;
  caseId: string | null;
  object: string;
  outcome: AuditOutcome;
}

export interface AccessLogPageView {
  entries: AccessLogEntryView[];
  hasNextPage: boolean;
  /** Whether this page was asked for with `after`. */
  hasPreviousPage: boolean;
  /** Pass as `after` for the next page; null on an empty page. */
  endCursor: string | null;
}

export interface AccessLogArgs {
  first: number;
  /** The previous page's `endCursor`. */
  after?: string | null;
  caseId?: string | null;
  since?: string | null;
  othersOnly?: boolean | null;
}

const ROLES = new Set<string>(['PARTY', 'LAWYER', 'PROXY', 'GUARDIAN', 'BEREAVED', 'CUSTODY_HOLDER']);

/** A cursor is the entry's place in the trail; opaque to clients. */
const cursorOf = (id: string) => Buffer.from(`audit:${id}`).toString('base64url');

/** The trail position a cursor names, or null when it is not one of ours. */
export function positionOf(cursor: string): string | null {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] ?? null;
}

/** One page of the person's access log, newest first. `after` must be a cursor (positionOf says). */
export async function accessLogOf(
  audit: Pick<AuditLog, 'aboutSubject'>,
  nationalId: string,
  args: AccessLogArgs,
): Promise<AccessLogPageView> {
  const page = await audit.aboutSubject(nationalId, {
    first: args.first,
    before: args.after ? positionOf(args.after) : null,
    caseId: args.caseId ?? null,
    since: args.since ?? null,
    othersOnly: args.othersOnly ?? false,
  });
  const entries = page.events.map((e): AccessLogEntryView => ({
    at: e.at,
    byViewer: e.bySubject,
    actorName: e.actorName,
    actorRole: e.role && ROLES.has(e.role) ? (e.role as ParticipantRole) : null,
    provider: e.provider,
    action: e.action,
    basis: e.basis,
    caseId: e.caseId,
    object: e.object,
    outcome: e.outcome,
  }));
  const last = page.events.at(-1);
  return {
    entries,
    hasNextPage: page.hasNextPage,
    hasPreviousPage: Boolean(args.after),
    endCursor: last ? cursorOf(last.id) : null,
  };
}

/** The log's words in nb/nn/da/en. */
export const ACCESS_LOG_LABELS = {
  action: labelTable<AuditAction>({
    READ_CASE: ['Leste saken', 'Las saka', 'Læste sagen', 'Read the case'],
    READ_DOCUMENT_LIST: [
      'Så listen over dokumenter',
      'Såg lista over dokument',
      'Så listen over dokumenter',
      'Saw the list of documents',
    ],
    READ_DOCUMENT: ['Åpnet et dokument', 'Opna eit dokument', 'Åbnede et dokument', 'Opened a document'],
    GIVE_CONSENT: [
      'Samtykket til å bruke Min side',
      'Samtykte til å bruke Mi side',
      'Gav samtykke til at bruge Mit Overblik',
      'Consented to use the portal',
    ],
    WITHDRAW_CONSENT: [
      'Trakk samtykket tilbake',
      'Trekte samtykket tilbake',
      'Trak samtykket tilbage',
      'Withdrew consent',
    ],
    CREATE_UPLOAD: [
      'Begynte å laste opp et vedlegg',
      'Byrja å laste opp eit vedlegg',
      'Begyndte at uploade et bilag',
      'Began uploading an attachment',
    ],
    UPLOAD_ATTACHMENT: [
      'Lastet opp et vedlegg',
      'Lasta opp eit vedlegg',
      'Uploadede et bilag',
      'Uploaded an attachment',
    ],
    SUBMIT_INFORMATION: [
      'Sendte opplysninger',
      'Sende opplysningar',
      'Sendte oplysninger',
      'Sent information',
    ],
    SUBMIT_FORM: ['Sendte et skjema', 'Sende eit skjema', 'Sendte en formular', 'Sent a form'],
    DELIVER_INFORMATION: [
      'Opplysningene ble levert til etaten',
      'Opplysningane vart leverte til etaten',
      'Oplysningerne blev leveret til myndigheden',
      'The information was delivered to the agency',
    ],
    DELIVER_FORM: [
      'Skjemaet ble levert til etaten',
      'Skjemaet vart levert til etaten',
      'Formularen blev leveret til myndigheden',
      'The form was delivered to the agency',
    ],
  }),
  basis: labelTable({
    AGENCY_REGISTRATION: [
      'Registrert i saken hos etaten',
      'Registrert i saka hos etaten',
      'Registreret i sagen hos myndigheden',
      'Registered in the case by the agency',
    ],
    'AGENCY_REGISTRATION;REPRESENTED': [
      'Registrert i saken hos etaten, representert av en annen',
      'Registrert i saka hos etaten, representert av ein annan',
      'Registreret i sagen hos myndigheden, repræsenteret af en anden',
      'Registered in the case by the agency, represented by someone else',
    ],
    OWN_CONSENT: ['Eget samtykke', 'Eige samtykke', 'Eget samtykke', 'Own consent'],
  }),
};

/** An entry's basis in words; an unknown basis is shown as recorded. */
export function basisLabel(basis: string | null, lang: Lang): string | null {
  const known: Readonly<Record<string, Labels | undefined>> = ACCESS_LOG_LABELS.basis;
  return basis ? (known[basis]?.[lang] ?? basis) : null;
}

export function roleLabel(role: ParticipantRole | null, lang: Lang): string | null {
  return role ? COMMON_LABELS.role[role][lang] : null;
}
