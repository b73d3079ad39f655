/**
 * NPE's answers as our records, without I/O: its roles, statuses and steps, its search hits, cases,
 * documents and forms.
 */
import type { z } from 'zod';
import type {
  CaseRecord,
  CaseRef,
  CaseStatus,
  DocumentRecord,
  FormDefinition,
  ParticipantRole,
} from '../kit/port.js';
import { NOARK_DIRECTION } from '../kit/noark.js';
import type { npeCase, npeDocument, npeFormCatalog, npeRole, npeSearchPage } from './schema.js';

export const ROLE: Record<z.infer<typeof npeRole>, ParticipantRole> = {
  SKADELIDT: 'PARTY',
  ADVOKAT: 'LAWYER',
  FULLMEKTIG: 'PROXY',
  VERGE: 'GUARDIAN',
  ETTERLATT: 'BEREAVED',
  FORESATT: 'CUSTODY_HOLDER',
};

const STATUS: Record<z.infer<typeof npeCase>['saksstatus'], CaseStatus> = {
  VENTER_PA_BEHANDLING: 'WAITING',
  UNDER_BEHANDLING: 'IN_PROGRESS',
  VEDTAK_FATTET: 'DECIDED',
  OVERSENDT_KLAGEINSTANS: 'FORWARDED',
  AVSLUTTET: 'CLOSED',
};

const STEP_STATE = { FULLFORT: 'COMPLETED', PAGAR: 'CURRENT', KOMMENDE: 'UPCOMING' } as const;

export function toCase(sak: z.infer<typeof npeCase>): CaseRecord {
  return {
    agency: 'npe',
    caseNumber: sak.saksnummer,
    caseType: sak.sakstype,
    title: sak.tittel,
    status: STATUS[sak.saksstatus],
    agencyStatus: null,
    // NPE decides in the first instance.
    firstInstance: null,
    createdAt: sak.opprettet,
    updatedAt: sak.sistEndret,
    closedAt: sak.avsluttet,
    expectedDecisionAt: sak.forventetVedtaksdato,
    // Skipped optional steps are not part of the person's timeline.
    timeline: sak.saksgang.flatMap((s) =>
      s.status === 'HOPPET_OVER'
        ? []
        : [{ code: s.steg, state: STEP_STATE[s.status], completedAt: s.fullfort, expectedAt: s.forventet }],
    ),
    participants: sak.parter.map((p) => ({
      role: ROLE[p.rolle],
      nationalId: p.fodselsnummer,
      name: p.navn,
      mobile: p.mobil,
      email: p.epost,
      emailIsPersonal: p.personligEpost,
      organisation: p.organisasjon,
    })),
    outcome: sak.resultat
      ? {
          code: sak.resultat.kode,
          decidedAt: sak.resultat.vedtaksdato,
          compensation:
            sak.resultat.erstatningsbelop === null
              ? null
              : { amount: sak.resultat.erstatningsbelop, currency: 'NOK' },
        }
      : null,
    related: sak.klagesak ? [{ body: sak.klagesak.instans, caseNumber: sak.klagesak.saksnummer }] : [],
    awaitingForms: sak.ventendeSkjema.map((f) => ({ formId: f.skjemaId, code: f.kode })),
  };
}

/** The digital mailboxes by their names. */
const MAILBOX = { DIGIPOST: 'Digipost', EBOKS: 'e-Boks' } as const;

export function toDocument(caseNumber: string, dok: z.infer<typeof npeDocument>): DocumentRecord {
  return {
    id: dok.dokumentId,
    caseNumber,
    title: dok.tittel,
    direction: NOARK_DIRECTION[dok.journalposttype],
    date: dok.journaldato,
    contentType: dok.mimetype,
    sizeBytes: dok.storrelse,
    commentDeadline: dok.kommentarfrist,
    counterpartyId: dok.avsenderMottaker.fodselsnummer ?? null,
    digitalMailbox: dok.digitalPostkasse
      ? { mailbox: MAILBOX[dok.digitalPostkasse.leverandor], deliveredAt: dok.digitalPostkasse.levert }
      : null,
  };
}

export function toCaseRef(treff: z.infer<typeof npeSearchPage>['treff'][number]): CaseRef {
  return {
    caseNumber: treff.saksnummer,
    role: ROLE[treff.rolle],
    createdAt: treff.opprettet,
    updatedAt: treff.sistEndret,
    closedAt: treff.avsluttet,
    ...(treff.registrering && {
      registration: {
        represented: treff.registrering.representert,
        hasMobile: treff.registrering.harMobil,
        hasEmail: treff.registrering.harEpost,
        emailIsPersonal: treff.registrering.personligEpost,
        lawyersOnCase: treff.registrering.antallAdvokater,
      },
    }),
  };
}

export function toForm(skjema: z.infer<typeof npeFormCatalog>['skjema'][number]): FormDefinition {
  return {
    code: skjema.kode,
    version: skjema.versjon,
    fields: skjema.felter.map((x) => ({
      key: x.nokkel,
      type: x.type,
      required: x.pakrevd,
      options: x.valg,
      maxLength: x.maksLengde,
      min: x.min,
    })),
  };
}
