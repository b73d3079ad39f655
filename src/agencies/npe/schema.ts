/** NPE's API dialect, as its OpenAPI document describes it. */
import { z } from 'zod';

export const npeRole = z.enum(['SKADELIDT', 'ADVOKAT', 'FULLMEKTIG', 'VERGE', 'ETTERLATT', 'FORESATT']);

export const npeSearchPage = z.object({
  treff: z.array(
    z.object({
      saksnummer: z.string(),
      rolle: npeRole,
      opprettet: z.iso.datetime(),
      sistEndret: z.iso.datetime(),
      avsluttet: z.iso.datetime().nullable(),
      /**
       * What the case registers of the person (not every release of the search says it). Only a hint for
       * fetching documents early, never for access: a malformed one is dropped, not a failed search.
       */
      registrering: z
        .object({
          representert: z.boolean(),
          harMobil: z.boolean(),
          harEpost: z.boolean(),
          personligEpost: z.boolean().nullable(),
          antallAdvokater: z.number().int().min(0),
        })
        .optional()
        .catch(undefined),
    }),
  ),
  vergemaal: z.boolean(),
  side: z.number().int(),
  antallSider: z.number().int().min(1),
  totaltAntall: z.number().int().min(0),
});

export const npeCase = z.object({
  saksnummer: z.string(),
  sakstype: z.string(),
  tittel: z.string(),
  saksstatus: z.enum([
    'VENTER_PA_BEHANDLING',
    'UNDER_BEHANDLING',
    'VEDTAK_FATTET',
    'OVERSENDT_KLAGEINSTANS',
    'AVSLUTTET',
  ]),
  opprettet: z.iso.datetime(),
  sistEndret: z.iso.datetime(),
  avsluttet: z.iso.datetime().nullable(),
  forventetVedtaksdato: z.iso.date().nullable(),
  resultat: z
    .object({
      kode: z.string(),
      vedtaksdato: z.iso.datetime().nullable(),
      erstatningsbelop: z.number().int().min(0).nullable(),
    })
    .nullable(),
  klagesak: z.object({ instans: z.string(), saksnummer: z.string() }).nullable(),
  ventendeSkjema: z.array(z.object({ skjemaId: z.string(), kode: z.string() })),
  saksgang: z.array(
    z.object({
      steg: z.string(),
      status: z.enum(['FULLFORT', 'PAGAR', 'KOMMENDE', 'HOPPET_OVER']),
      fullfort: z.iso.datetime().nullable(),
      forventet: z.iso.date().nullable(),
    }),
  ),
  parter: z.array(
    z.object({
      rolle: npeRole,
      fodselsnummer: z.string(),
      navn: z.string(),
      mobil: z.string().nullable(),
      epost: z.string().nullable(),
      personligEpost: z.boolean(),
      organisasjon: z.string().nullable(),
    }),
  ),
});

export const npeCases = z.object({ saker: z.array(npeCase) });

export const npeFormCatalog = z.object({
  skjema: z.array(
    z.object({
      kode: z.string(),
      versjon: z.number().int(),
      felter: z.array(
        z.object({
          nokkel: z.string(),
          type: z.enum(['TEXT', 'TEXTAREA', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE', 'ACCOUNT_NUMBER']),
          pakrevd: z.boolean(),
          valg: z.array(z.string()).nullable(),
          maksLengde: z.number().int().nullable(),
          min: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const npeDocument = z.object({
  dokumentId: z.string(),
  tittel: z.string(),
  journalposttype: z.enum(['I', 'U', 'N', 'X']),
  journaldato: z.iso.date(),
  kommentarfrist: z.iso.date().nullable(),
  mimetype: z.string(),
  storrelse: z.number().int().min(0),
  avsenderMottaker: z.object({
    type: z.enum(['PERSON', 'TREDJEPART']),
    fodselsnummer: z.string().optional(),
  }),
  digitalPostkasse: z
    .object({ leverandor: z.enum(['DIGIPOST', 'EBOKS']), levert: z.iso.datetime() })
    .nullish(),
});

export const npeDocumentLists = z.object({
  dokumentlister: z.array(z.object({ saksnummer: z.string(), dokumenter: z.array(npeDocument) })),
});

export const npeAttachmentReceipt = z.object({ vedleggId: z.string() });

export const npeSubmissionReceipt = z.object({ kvittering: z.string() });

export const npeConsentReceipt = z.object({ registrert: z.literal(true) });

export const npeHealth = z.object({ status: z.literal('OK') });

const npeEventType = {
  STEG_FULLFORT: 'STEP_COMPLETED',
  DOKUMENT_LAGT_TIL: 'DOCUMENT_ADDED',
  VEDTAK_FATTET: 'DECISION_MADE',
} as const;

/** NPE's case event (its webhook). */
export const npeEvent = z
  .object({
    hendelsestype: z.enum(['STEG_FULLFORT', 'DOKUMENT_LAGT_TIL', 'VEDTAK_FATTET']),
    saksnummer: z.string().min(1).max(64),
    tidspunkt: z.iso.datetime(),
    steg: z.string().max(64).nullable(),
    dokumentId: z.string().max(64).nullable(),
  })
  .transform((e) => ({
    kind: npeEventType[e.hendelsestype],
    caseNumber: e.saksnummer,
    occurredAt: e.tidspunkt,
    step: e.steg,
    documentId: e.dokumentId,
  }));
