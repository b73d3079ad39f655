/**
 * STPK's answers as our records, without I/O: its roles, statuses and steps, its search hits, cases,
 * documents and forms.
 */
import type { z } from 'zod';
import type {
  CaseRecord,
  CaseRef,
  CaseStatus,
  DocumentDirection,
  DocumentRecord,
  FormDefinition,
  ParticipantRole,
} from '../kit/port.js';
import type { stpkCase, stpkDocuments, stpkFormCatalog, stpkRole, stpkSearchPage } from './schema.js';

export const ROLE: Record<z.infer<typeof stpkRole>, ParticipantRole> = {
  KLAGER: 'PARTY',
  ADVOKAT: 'LAWYER',
  PARTSREPRAESENTANT: 'PROXY',
  VAERGE: 'GUARDIAN',
  EFTERLADT: 'BEREAVED',
  FORAELDREMYNDIGHEDSINDEHAVER: 'CUSTODY_HOLDER',
};

const STATUS: Record<z.infer<typeof stpkCase>['oioStatus'], CaseStatus> = {
  Opstået: 'RECEIVED',
  Oplyst: 'IN_PROGRESS',
  Afgjort: 'DECIDED',
  Afsluttet: 'CLOSED',
};

/** The authorities whose decisions STPK's boards hear appeals of, by STPK's code for them. */
const APPEALED_AUTHORITY: Readonly<Record<string, string>> = { PATIENTERSTATNINGEN: 'Patienterstatningen' };

const STEP_STATE = { AFSLUTTET: 'COMPLETED', IGANG: 'CURRENT', KOMMENDE: 'UPCOMING' } as const;

/**
 * The OIO macro status says Opstået until the facts are gathered (Oplyst); a complaint STPK has begun to
 * handle — a step done beyond its receipt — is in progress to the person, not merely received.
 */
function status(sag: z.infer<typeof stpkCase>): CaseStatus {
  const done = sag.forloeb.filter((t) => t.tilstand === 'AFSLUTTET').length;
  return sag.oioStatus === 'Opstået' && done > 1 ? 'IN_PROGRESS' : STATUS[sag.oioStatus];
}

export function toCase(sag: z.infer<typeof stpkCase>): CaseRecord {
  return {
    agency: 'stpk',
    caseNumber: sag.sagsnummer,
    caseType: sag.sagstype,
    title: sag.overskrift,
    status: status(sag),
    agencyStatus: sag.oioStatus,
    firstInstance: sag.ankeAf ? (APPEALED_AUTHORITY[sag.ankeAf.myndighed] ?? sag.ankeAf.myndighed) : null,
    createdAt: sag.oprettet,
    updatedAt: sag.senestAendret,
    closedAt: sag.afsluttet,
    expectedDecisionAt: sag.forventetAfgoerelse,
    timeline: sag.forloeb.map((t) => ({
      code: t.trin,
      state: STEP_STATE[t.tilstand],
      completedAt: t.afsluttetDato,
      expectedAt: t.forventetDato,
    })),
    participants: sag.parter.map((p) => ({
      role: ROLE[p.rolle],
      nationalId: p.cpr,
      name: p.navn,
      mobile: p.telefon,
      email: p.email,
      emailIsPersonal: null,
      organisation: null,
    })),
    outcome: sag.afgoerelse ? { code: sag.afgoerelse.resultat, decidedAt: sag.afgoerelse.dato } : null,
    related: sag.ankeAf ? [{ body: sag.ankeAf.myndighed, caseNumber: sag.ankeAf.sagsnummer }] : [],
    awaitingForms: sag.afventendeSkemaer.map((f) => ({ formId: f.skemaId, code: f.kode })),
  };
}

export function toCaseRef(sag: z.infer<typeof stpkSearchPage>['sager'][number]): CaseRef {
  return {
    caseNumber: sag.sagsnummer,
    role: ROLE[sag.rolle],
    createdAt: sag.oprettet,
    updatedAt: sag.senestAendret,
    closedAt: sag.afsluttet,
  };
}

type Dokument = z.infer<typeof stpkDocuments>['dokumenter'][number];

const DIRECTION: Record<Dokument['retning'], DocumentDirection> = {
  INDGAAENDE: 'INCOMING',
  UDGAAENDE: 'OUTGOING',
  INTERN: 'INTERNAL',
};

export function toDocument(d: Dokument): DocumentRecord {
  return {
    id: d.dokumentId,
    caseNumber: d.sagsnummer,
    title: d.titel,
    direction: DIRECTION[d.retning],
    date: d.dato,
    contentType: d.indholdstype,
    sizeBytes: d.stoerrelse,
    commentDeadline: d.hoeringsfrist,
    counterpartyId: d.partCpr,
    digitalMailbox: d.digitalPost ? { mailbox: 'Digital Post', deliveredAt: d.digitalPost.leveret } : null,
  };
}

export function toForm(skema: z.infer<typeof stpkFormCatalog>['skemaer'][number]): FormDefinition {
  return {
    code: skema.kode,
    version: skema.version,
    fields: skema.felter.map((x) => ({
      key: x.noegle,
      type: x.type,
      required: x.paakraevet,
      options: x.valg,
      maxLength: x.maksLaengde,
      min: x.min,
    })),
  };
}
