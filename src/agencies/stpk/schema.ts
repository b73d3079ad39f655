/** STPK's API dialect, as its OpenAPI document describes it. */
import { z } from 'zod';

export const stpkRole = z.enum([
  'KLAGER',
  'ADVOKAT',
  'PARTSREPRAESENTANT',
  'VAERGE',
  'EFTERLADT',
  'FORAELDREMYNDIGHEDSINDEHAVER',
]);

export const stpkSearchPage = z.object({
  sager: z.array(
    z.object({
      sagsnummer: z.string(),
      rolle: stpkRole,
      oprettet: z.iso.datetime(),
      senestAendret: z.iso.datetime(),
      afsluttet: z.iso.datetime().nullable(),
    }),
  ),
  side: z.number().int(),
  flereSider: z.boolean(),
});

export const stpkCase = z.object({
  sagsnummer: z.string(),
  sagstype: z.string(),
  overskrift: z.string(),
  oioStatus: z.enum(['Opstået', 'Oplyst', 'Afgjort', 'Afsluttet']),
  oprettet: z.iso.datetime(),
  senestAendret: z.iso.datetime(),
  afsluttet: z.iso.datetime().nullable(),
  forventetAfgoerelse: z.iso.date().nullable(),
  afgoerelse: z.object({ resultat: z.string(), dato: z.iso.datetime().nullable() }).nullable(),
  /** The decision an appeal case appeals; STPK may name authorities the graph does not cover. */
  ankeAf: z.object({ myndighed: z.string(), sagsnummer: z.string() }).nullable(),
  afventendeSkemaer: z.array(z.object({ skemaId: z.string(), kode: z.string() })),
  forloeb: z.array(
    z.object({
      trin: z.string(),
      tilstand: z.enum(['AFSLUTTET', 'IGANG', 'KOMMENDE']),
      afsluttetDato: z.iso.datetime().nullable(),
      forventetDato: z.iso.date().nullable(),
    }),
  ),
  parter: z.array(
    z.object({
      rolle: stpkRole,
      cpr: z.string(),
      navn: z.string(),
      telefon: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});

export const stpkFormCatalog = z.object({
  skemaer: z.array(
    z.object({
      kode: z.string(),
      version: z.number().int(),
      felter: z.array(
        z.object({
          noegle: z.string(),
          type: z.enum(['TEXT', 'TEXTAREA', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE', 'ACCOUNT_NUMBER']),
          paakraevet: z.boolean(),
          valg: z.array(z.string()).nullable(),
          maksLaengde: z.number().int().nullable(),
          min: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const stpkCases = z.object({ sager: z.array(stpkCase), ikkeFundet: z.array(z.string()) });

export const stpkDocuments = z.object({
  dokumenter: z.array(
    z.object({
      dokumentId: z.string(),
      sagsnummer: z.string(),
      titel: z.string(),
      retning: z.enum(['INDGAAENDE', 'UDGAAENDE', 'INTERN']),
      dato: z.iso.date(),
      hoeringsfrist: z.iso.date().nullable(),
      indholdstype: z.string(),
      stoerrelse: z.number().int().min(0),
      partCpr: z.string().nullable(),
      digitalPost: z.object({ leveret: z.iso.datetime() }).nullish(),
    }),
  ),
});

export const stpkHealth = z.object({ status: z.string() });

const stpkEventType = {
  TRIN_AFSLUTTET: 'STEP_COMPLETED',
  DOKUMENT_TILFOEJET: 'DOCUMENT_ADDED',
  AFGOERELSE_TRUFFET: 'DECISION_MADE',
} as const;

/** STPK's case event (its webhook). */
export const stpkEvent = z
  .object({
    haendelse: z.enum(['TRIN_AFSLUTTET', 'DOKUMENT_TILFOEJET', 'AFGOERELSE_TRUFFET']),
    sagsnummer: z.string().min(1).max(64),
    tidspunkt: z.iso.datetime(),
    trin: z.string().max(64).nullable(),
    dokumentId: z.string().max(64).nullable(),
  })
  .transform((e) => ({
    kind: stpkEventType[e.haendelse],
    caseNumber: e.sagsnummer,
    occurredAt: e.tidspunkt,
    step: e.trin,
    documentId: e.dokumentId,
  }));
