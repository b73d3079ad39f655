/**
 * What the mock agencies' cases are made of: case types with their shares, the steps of each agency's
 * timeline with nominal durations, and the letters each step produces (domain.md §2, §3, §8).
 */
import type { JournalType } from './model.js';

export interface DocTemplate {
  title: string;
  journal: JournalType;
  /** Sent when the step starts (letters that open a comment period) or filed when it completes. */
  at: 'start' | 'end';
  /** Days the party has to comment, counted from the letter's date. */
  commentDays?: number;
  /** Whether the person on the case sent or received it (false: a hospital, an expert, the agency itself). */
  fromOrToParty: boolean;
  /** Share of cases in which the letter exists at all. */
  probability?: number;
  /** A decision: also delivered to the party's digital mailbox. */
  toMailbox?: boolean;
}

export interface StepTemplate {
  code: string;
  /** Nominal days from the previous step's completion to this one's. */
  days: number;
  docs?: DocTemplate[];
}

const letter = (
  title: string,
  journal: JournalType,
  at: 'start' | 'end',
  fromOrToParty: boolean,
  extra: Partial<DocTemplate> = {},
): DocTemplate => ({ title, journal, at, fromOrToParty, ...extra });

export const NPE_MEDICAL_AREAS: readonly (readonly [string, number])[] = [
  ['ortopedi', 26],
  ['kreftbehandling', 12],
  ['tannbehandling', 10],
  ['kirurgi', 11],
  ['indremedisin', 8],
  ['psykiatri', 7],
  ['fødselshjelp', 6],
  ['nevrologi', 5],
  ['øyesykdommer', 4],
  ['allmennmedisin', 11],
];

export const NPE_CASE_TYPES: readonly (readonly [string, number])[] = [
  ['PASIENTSKADE', 90],
  ['LEGEMIDDELSKADE', 9],
  ['LEGEMIDDELFORSOK', 1],
];

export const NPE_STEPS = {
  received: {
    code: 'MOTTATT',
    days: 0,
    docs: [
      letter('Skademelding', 'I', 'end', true),
      letter('Bekreftelse på mottatt skademelding', 'U', 'end', true),
    ],
  },
  queue: {
    code: 'I_KO',
    days: 95,
    docs: [letter('Orientering om forventet saksbehandlingstid', 'U', 'start', true)],
  },
  gathering: {
    code: 'INNHENTING',
    days: 40,
    docs: [
      letter('Innhenting av journal og uttalelse fra behandlingssted', 'U', 'start', false),
      letter('Pasientjournal fra behandlingssted', 'I', 'end', false),
      letter('Saksbehandlers notat', 'N', 'end', false),
    ],
  },
  statementForComment: {
    code: 'UTTALELSE_TIL_KOMMENTAR',
    days: 21,
    docs: [
      letter('Uttalelse fra behandlingsstedet – sendt deg til kommentar', 'U', 'start', true, {
        commentDays: 21,
      }),
      letter('Kommentar til uttalelse fra behandlingsstedet', 'I', 'end', true, { probability: 0.7 }),
    ],
  },
  expert: {
    code: 'SAKKYNDIG_VURDERING',
    days: 45,
    docs: [
      letter('Mandat til sakkyndig', 'U', 'start', false),
      letter('Sakkyndig erklæring', 'I', 'end', false),
    ],
  },
  expertForComment: {
    code: 'SAKKYNDIG_TIL_KOMMENTAR',
    days: 21,
    docs: [letter('Sakkyndig erklæring – sendt deg til kommentar', 'U', 'start', true, { commentDays: 21 })],
  },
  liabilityDecision: {
    code: 'ANSVARSVEDTAK',
    days: 21,
    docs: [
      letter('Innstilling til vedtak', 'X', 'start', false),
      letter('Vedtak om erstatningsansvar', 'U', 'end', true, { toMailbox: true }),
    ],
  },
  calculation: {
    code: 'UTMALING',
    days: 90,
    docs: [
      letter('Forespørsel om dokumentasjon av økonomisk tap', 'U', 'start', true),
      letter('Dokumentasjon av økonomisk tap', 'I', 'end', true),
    ],
  },
  partialPayment: {
    code: 'DELUTBETALING',
    days: 30,
    docs: [letter('Melding om delutbetaling', 'U', 'end', true)],
  },
  amountDecision: {
    code: 'ERSTATNINGSVEDTAK',
    days: 50,
    docs: [letter('Vedtak om erstatningsutmåling', 'U', 'end', true, { toMailbox: true })],
  },
  payment: { code: 'UTBETALING', days: 14, docs: [letter('Utbetalingsmelding', 'U', 'end', true)] },
  appealReceived: { code: 'KLAGE_MOTTATT', days: 19, docs: [letter('Klage på vedtak', 'I', 'end', true)] },
  reconsideration: {
    code: 'REVURDERING',
    days: 45,
    docs: [letter('Intern vurdering av klage', 'X', 'end', false)],
  },
  forwarded: {
    code: 'OVERSENDT_PASIENTSKADENEMNDA',
    days: 20,
    docs: [letter('Oversendelse av klage til Pasientskadenemnda', 'U', 'end', true)],
  },
  closed: { code: 'AVSLUTTET', days: 7 },
} satisfies Record<string, StepTemplate>;

export const NPE_DECISION_STEPS: readonly string[] = ['ANSVARSVEDTAK', 'ERSTATNINGSVEDTAK'];

export interface HelseklageType {
  code: string;
  firstInstance: string;
  title: string;
  board: boolean;
  queueDays: number;
}

export const HELSEKLAGE_TYPES: readonly (readonly [HelseklageType, number])[] = [
  [
    {
      code: 'PSN_ADVOKAT',
      firstInstance: 'Pasientskadenemnda',
      title: 'Forhåndsgodkjenning av advokatutgifter',
      board: true,
      queueDays: 30,
    },
    10,
  ],
  [
    {
      code: 'HELFO_LEGEMIDLER',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til legemidler',
      board: false,
      queueDays: 70,
    },
    70,
  ],
  [
    {
      code: 'HELFO_NAERINGSMIDLER',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til næringsmidler',
      board: false,
      queueDays: 70,
    },
    20,
  ],
  [
    {
      code: 'HELFO_TANN',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til tannbehandling',
      board: false,
      queueDays: 80,
    },
    45,
  ],
  [
    {
      code: 'HELFO_FRIKORT',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om frikort for egenandeler',
      board: false,
      queueDays: 40,
    },
    20,
  ],
  [
    {
      code: 'HELFO_SPESIELLE_FORMAL',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om bidrag til spesielle formål',
      board: false,
      queueDays: 60,
    },
    12,
  ],
  [
    {
      code: 'HELFO_EOS',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om refusjon for behandling i et annet EØS-land',
      board: false,
      queueDays: 75,
    },
    25,
  ],
  [
    {
      code: 'HELFO_UTLAND',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om behandling utenfor EØS',
      board: false,
      queueDays: 75,
    },
    8,
  ],
  [
    {
      code: 'HELFO_PRAKSIS',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om tap av rett til direkte oppgjør',
      board: false,
      queueDays: 60,
    },
    5,
  ],
  [
    {
      code: 'SHPN_AUTORISASJON',
      firstInstance: 'Helsedirektoratet',
      title: 'Klage på avslag på autorisasjon',
      board: true,
      queueDays: 90,
    },
    20,
  ],
  [
    {
      code: 'SHPN_LISENS',
      firstInstance: 'Helsedirektoratet',
      title: 'Klage på avslag på lisens',
      board: true,
      queueDays: 90,
    },
    8,
  ],
  [
    {
      code: 'SHPN_SPESIALIST',
      firstInstance: 'Helsedirektoratet',
      title: 'Klage på avslag på spesialistgodkjenning',
      board: true,
      queueDays: 90,
    },
    10,
  ],
  [
    {
      code: 'SHPN_REAKSJON',
      firstInstance: 'Statens helsetilsyn',
      title: 'Klage på tilbakekall av autorisasjon',
      board: true,
      queueDays: 100,
    },
    8,
  ],
  [
    {
      code: 'APOTEK',
      firstInstance: 'Direktoratet for medisinske produkter (DMP)',
      title: 'Klage på vedtak om apotekkonsesjon',
      board: true,
      queueDays: 60,
    },
    4,
  ],
  [
    {
      code: 'FORERKORT',
      firstInstance: 'Statsforvalteren',
      title: 'Klage på vedtak om helsekrav til førerkort',
      board: false,
      queueDays: 50,
    },
    35,
  ],
  [
    {
      code: 'FLYGELEDER',
      firstInstance: 'Luftfartstilsynet',
      title: 'Klage på vedtak om medisinsk sertifikat for flygeleder',
      board: false,
      queueDays: 40,
    },
    1,
  ],
  [
    {
      code: 'HF_VEDTAK',
      firstInstance: 'Helse Sør-Øst RHF',
      title: 'Klage på vedtak fra helseforetak',
      board: false,
      queueDays: 60,
    },
    20,
  ],
  [
    {
      code: 'HELFO_LEGEMIDLER_INDIVIDUELL',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om individuell stønad til legemidler',
      board: false,
      queueDays: 70,
    },
    15,
  ],
  [
    {
      code: 'HELFO_FORBRUKSMATERIELL',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til medisinsk forbruksmateriell',
      board: false,
      queueDays: 60,
    },
    10,
  ],
  [
    {
      code: 'HELFO_TANN_KJEVEORTOPEDI',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til tannregulering',
      board: false,
      queueDays: 80,
    },
    10,
  ],
  [
    {
      code: 'HELFO_TANN_PERIODONTITT',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til behandling av periodontitt',
      board: false,
      queueDays: 80,
    },
    6,
  ],
  [
    {
      code: 'HELFO_EGENANDEL_REFUSJON',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om refusjon av egenandeler',
      board: false,
      queueDays: 40,
    },
    6,
  ],
  [
    {
      code: 'HELFO_EOS_FORHANDSTILSAGN',
      firstInstance: 'Helfo',
      title: 'Klage på avslag på forhåndstilsagn om behandling i et annet EØS-land',
      board: false,
      queueDays: 60,
    },
    6,
  ],
  [
    {
      code: 'HELFO_OPPHOLD_UTLAND',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om helsetjenester under opphold i utlandet',
      board: false,
      queueDays: 60,
    },
    5,
  ],
  [
    {
      code: 'HELFO_FYSIOTERAPI',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til fysioterapi',
      board: false,
      queueDays: 50,
    },
    12,
  ],
  [
    {
      code: 'HELFO_PSYKOLOG',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til behandling hos psykolog',
      board: false,
      queueDays: 50,
    },
    6,
  ],
  [
    {
      code: 'HELFO_LOGOPED',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til logopedbehandling',
      board: false,
      queueDays: 50,
    },
    5,
  ],
  [
    {
      code: 'HELFO_KIROPRAKTOR',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til kiropraktorbehandling',
      board: false,
      queueDays: 50,
    },
    4,
  ],
  [
    {
      code: 'HELFO_ORTOPTIST',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til ortoptistbehandling',
      board: false,
      queueDays: 50,
    },
    4,
  ],
  [
    {
      code: 'HELFO_AUDIOPEDAGOG',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til audiopedagogisk behandling',
      board: false,
      queueDays: 50,
    },
    4,
  ],
  [
    {
      code: 'HELFO_BRILLER_BARN',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om stønad til briller og kontaktlinser til barn',
      board: false,
      queueDays: 40,
    },
    5,
  ],
  [
    {
      code: 'HELFO_SMITTEVERN',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om legemidler ved allmennfarlig smittsom sykdom',
      board: false,
      queueDays: 40,
    },
    4,
  ],
  [
    {
      code: 'HELFO_TILBAKEKREVING',
      firstInstance: 'Helfo',
      title: 'Klage på vedtak om tilbakekreving av refusjon',
      board: false,
      queueDays: 60,
    },
    4,
  ],
  [
    {
      code: 'SHPN_AUTORISASJON_UTENFOR_EOS',
      firstInstance: 'Helsedirektoratet',
      title: 'Klage på avslag på autorisasjon med utdanning fra land utenfor EØS',
      board: true,
      queueDays: 100,
    },
    6,
  ],
  [
    {
      code: 'SHPN_SUSPENSJON',
      firstInstance: 'Statens helsetilsyn',
      title: 'Klage på suspensjon av autorisasjon',
      board: true,
      queueDays: 60,
    },
    4,
  ],
  [
    {
      code: 'SHPN_BEGRENSNING',
      firstInstance: 'Statens helsetilsyn',
      title: 'Klage på begrensning av autorisasjon',
      board: true,
      queueDays: 90,
    },
    4,
  ],
  [
    {
      code: 'SHPN_REKVIRERINGSRETT',
      firstInstance: 'Statens helsetilsyn',
      title: 'Klage på tap av rekvireringsrett',
      board: true,
      queueDays: 90,
    },
    4,
  ],
  [
    {
      code: 'SHPN_ADVARSEL',
      firstInstance: 'Statens helsetilsyn',
      title: 'Klage på advarsel til helsepersonell',
      board: true,
      queueDays: 90,
    },
    5,
  ],
  [
    {
      code: 'FORERKORT_DISPENSASJON',
      firstInstance: 'Statsforvalteren',
      title: 'Klage på avslag på dispensasjon fra helsekravene til førerkort',
      board: false,
      queueDays: 50,
    },
    8,
  ],
  [
    {
      code: 'FORERKORT_KOMPETANSEBEVIS',
      firstInstance: 'Statsforvalteren',
      title: 'Klage på vedtak om helsekrav til kompetansebevis for yrkessjåfører',
      board: false,
      queueDays: 50,
    },
    5,
  ],
  [
    {
      code: 'APOTEK_FILIAL',
      firstInstance: 'Direktoratet for medisinske produkter (DMP)',
      title: 'Klage på vedtak om bevilling til filialapotek',
      board: true,
      queueDays: 60,
    },
    4,
  ],
  [
    {
      code: 'APOTEK_TILBAKEKALL',
      firstInstance: 'Direktoratet for medisinske produkter (DMP)',
      title: 'Klage på tilbakekall av apotekkonsesjon',
      board: true,
      queueDays: 60,
    },
    4,
  ],
  [
    {
      code: 'FLYGELEDER_DISPENSASJON',
      firstInstance: 'Luftfartstilsynet',
      title: 'Klage på avslag på dispensasjon fra medisinske krav for flygeleder',
      board: false,
      queueDays: 40,
    },
    4,
  ],
  [
    {
      code: 'HF_UTENLANDSBEHANDLING',
      firstInstance: 'Helse Sør-Øst RHF',
      title: 'Klage på avslag på behandling i utlandet',
      board: false,
      queueDays: 50,
    },
    6,
  ],
  [
    {
      code: 'HF_VEDTAK_VEST',
      firstInstance: 'Helse Vest RHF',
      title: 'Klage på vedtak fra Helse Vest RHF',
      board: false,
      queueDays: 60,
    },
    5,
  ],
  [
    {
      code: 'HF_VEDTAK_MIDT',
      firstInstance: 'Helse Midt-Norge RHF',
      title: 'Klage på vedtak fra Helse Midt-Norge RHF',
      board: false,
      queueDays: 60,
    },
    5,
  ],
  [
    {
      code: 'HF_VEDTAK_NORD',
      firstInstance: 'Helse Nord RHF',
      title: 'Klage på vedtak fra Helse Nord RHF',
      board: false,
      queueDays: 60,
    },
    5,
  ],
  [
    {
      code: 'HF_VEDTAK_OUS',
      firstInstance: 'Oslo universitetssykehus HF',
      title: 'Klage på vedtak fra Oslo universitetssykehus HF',
      board: false,
      queueDays: 60,
    },
    5,
  ],
];

export const HELSEKLAGE_PSN: Record<'PSN_ANSVAR' | 'PSN_UTMALING', HelseklageType> = {
  PSN_ANSVAR: {
    code: 'PSN_ANSVAR',
    firstInstance: 'Norsk pasientskadeerstatning (NPE)',
    title: 'Klage på vedtak om erstatningsansvar (pasientskade)',
    board: true,
    queueDays: 120,
  },
  PSN_UTMALING: {
    code: 'PSN_UTMALING',
    firstInstance: 'Norsk pasientskadeerstatning (NPE)',
    title: 'Klage på vedtak om erstatningsutmåling (pasientskade)',
    board: true,
    queueDays: 300,
  },
};

export const HELSEKLAGE_STEPS = {
  forwarded: {
    code: 'FORWARDED',
    days: 0,
    docs: [letter('Oversendelse fra førsteinstans', 'I', 'end', false), letter('Klage', 'I', 'end', true)],
  },
  registered: {
    code: 'REGISTERED',
    days: 6,
    docs: [letter('Foreløpig svar – forventet saksbehandlingstid', 'U', 'end', true)],
  },
  queue: { code: 'IN_QUEUE', days: 90 },
  started: {
    code: 'PROCESSING_STARTED',
    days: 1,
    docs: [letter('Melding om at saksbehandlingen har startet', 'U', 'end', true)],
  },
  gathering: {
    code: 'GATHERING_INFORMATION',
    days: 40,
    docs: [
      letter('Forespørsel om samtykke til innhenting av opplysninger', 'U', 'start', true, {
        probability: 0.5,
      }),
      letter('Saksnotat', 'N', 'end', false),
    ],
  },
  expert: { code: 'EXPERT_ASSESSMENT', days: 50, docs: [letter('Sakkyndig uttalelse', 'I', 'end', false)] },
  forComment: {
    code: 'SENT_FOR_COMMENT',
    days: 21,
    docs: [
      letter('Dokumenter sendt deg til kommentar', 'U', 'start', true, { commentDays: 21 }),
      letter('Merknader til sakens dokumenter', 'I', 'end', true, { probability: 0.6 }),
    ],
  },
  recommendation: {
    code: 'RECOMMENDATION',
    days: 30,
    docs: [letter('Innstilling til nemnda', 'X', 'end', false)],
  },
  boardMeeting: { code: 'BOARD_MEETING', days: 30, docs: [letter('Møtebok', 'N', 'end', false)] },
  delegatedDecision: { code: 'DELEGATED_DECISION', days: 25 },
  decision: { code: 'DECISION', days: 7, docs: [letter('Vedtak', 'U', 'end', true, { toMailbox: true })] },
  returned: {
    code: 'RETURNED_TO_FIRST_INSTANCE',
    days: 7,
    docs: [letter('Vedtak om oppheving og hjemvisning', 'U', 'end', true, { toMailbox: true })],
  },
  closed: { code: 'CLOSED', days: 3 },
} satisfies Record<string, StepTemplate>;

export const HELSEKLAGE_DECISION_STEPS: readonly string[] = ['DECISION', 'RETURNED_TO_FIRST_INSTANCE'];

export const STPK_CASE_TYPES: readonly (readonly [string, number])[] = [
  ['BEHANDLINGSSTED', 40],
  ['SUNDHEDSPERSON', 25],
  ['RETTIGHED', 14],
  ['AKTINDSIGT', 5],
  ['PSYKIATRI_ANKE', 4],
  ['ABORT_ANKE', 1],
];

export const STPK_STEPS = {
  received: {
    code: 'KLAGE_MODTAGET',
    days: 0,
    docs: [letter('Klage', 'I', 'end', true), letter('Kvittering for modtaget klage', 'U', 'end', true)],
  },
  scoped: { code: 'KLAGEN_AFGRAENSET', days: 20, docs: [letter('Afgrænsning af klagen', 'U', 'end', true)] },
  dialogue: { code: 'DIALOG_TILBUDT', days: 25, docs: [letter('Tilbud om dialogmøde', 'U', 'start', true)] },
  collecting: {
    code: 'INDHENTER_OPLYSNINGER',
    days: 55,
    docs: [
      letter('Anmodning om udtalelse', 'U', 'start', false),
      letter('Udtalelse fra behandlingssted', 'I', 'end', false),
      letter('Journalnotat', 'N', 'end', false),
    ],
  },
  expert: { code: 'SAGKYNDIG_VURDERING', days: 45, docs: [letter('Sagkyndig vurdering', 'I', 'end', false)] },
  consultation: {
    code: 'HOERING',
    days: 21,
    docs: [letter('Sagen sendt i høring', 'U', 'start', true, { commentDays: 14 })],
  },
  boardMeeting: {
    code: 'NAEVNSMOEDE',
    days: 40,
    docs: [letter('Indstilling til nævnet', 'X', 'start', false)],
  },
  decision: {
    code: 'AFGOERELSE',
    days: 20,
    docs: [letter('Afgørelse', 'U', 'end', true, { toMailbox: true })],
  },
  closed: { code: 'AFSLUTTET', days: 3 },
} satisfies Record<string, StepTemplate>;

export const STPK_DECISION_STEPS: readonly string[] = ['AFGOERELSE'];

/** Patienterstatningen (Denmark): treatment injuries in the health service and drug injuries. */
export const PATIENTERSTATNINGEN_CASE_TYPES: readonly (readonly [string, number])[] = [
  ['BEHANDLINGSSKADE', 85],
  ['LAEGEMIDDELSKADE', 15],
];

export const PATIENTERSTATNINGEN_STEPS = {
  received: {
    code: 'ANMELDELSE_MODTAGET',
    days: 0,
    docs: [letter('Anmeldelse', 'I', 'end', true), letter('Kvittering for anmeldelse', 'U', 'end', true)],
  },
  collecting: {
    code: 'OPLYSNINGER_INDHENTES',
    days: 60,
    docs: [
      letter('Anmodning om journaloplysninger', 'U', 'start', false),
      letter('Journal fra behandlingssted', 'I', 'end', false),
      letter('Sagsnotat', 'N', 'end', false),
    ],
  },
  medical: {
    code: 'LAEGEFAGLIG_VURDERING',
    days: 70,
    docs: [letter('Lægefaglig vurdering fra speciallæge', 'I', 'end', false)],
  },
  consultation: {
    code: 'PARTSHOERING',
    days: 21,
    docs: [letter('Partshøring over sagens oplysninger', 'U', 'start', true, { commentDays: 14 })],
  },
  decision: {
    code: 'AFGOERELSE',
    days: 30,
    docs: [letter('Afgørelse om erstatning', 'U', 'end', true, { toMailbox: true })],
  },
  calculation: {
    code: 'ERSTATNINGSOPGOERELSE',
    days: 60,
    docs: [letter('Anmodning om dokumentation for tab', 'U', 'start', true)],
  },
  amountDecision: {
    code: 'ERSTATNINGSAFGOERELSE',
    days: 30,
    docs: [letter('Afgørelse om erstatningens størrelse', 'U', 'end', true, { toMailbox: true })],
  },
  payment: { code: 'UDBETALING', days: 10, docs: [letter('Meddelelse om udbetaling', 'U', 'end', true)] },
  appealReceived: { code: 'ANKE_MODTAGET', days: 40, docs: [letter('Anke', 'I', 'end', true)] },
  reconsideration: {
    code: 'GENVURDERING',
    days: 30,
    docs: [letter('Notat om genvurdering', 'N', 'end', false)],
  },
  forwarded: {
    code: 'SENDT_TIL_ANKENAEVNET',
    days: 10,
    docs: [letter('Sagen sendt til Ankenævnet for Patienterstatningen', 'U', 'end', true)],
  },
  closed: { code: 'AFSLUTTET', days: 3 },
} satisfies Record<string, StepTemplate>;

export const PATIENTERSTATNINGEN_DECISION_STEPS: readonly string[] = ['AFGOERELSE', 'ERSTATNINGSAFGOERELSE'];

export const NO_HOSPITALS = [
  'Oslo universitetssykehus HF',
  'Haukeland universitetssjukehus',
  'St. Olavs hospital',
  'Universitetssykehuset Nord-Norge',
  'Akershus universitetssykehus',
  'Stavanger universitetssjukehus',
  'Sykehuset Østfold',
  'Sørlandet sykehus',
  'Sykehuset Innlandet',
  'Helse Møre og Romsdal',
];

export const DK_HOSPITALS = [
  'Rigshospitalet',
  'Aarhus Universitetshospital',
  'Odense Universitetshospital',
  'Aalborg Universitetshospital',
  'Herlev og Gentofte Hospital',
  'Hvidovre Hospital',
  'Sjællands Universitetshospital',
  'Regionshospitalet Gødstrup',
  'Bispebjerg og Frederiksberg Hospital',
];

export const DK_PROFESSIONS = [
  'læge',
  'tandlæge',
  'sygeplejerske',
  'jordemoder',
  'fysioterapeut',
  'kiropraktor',
];
export const DK_RIGHTS = [
  'frit sygehusvalg',
  'befordringsgodtgørelse',
  'behandling i udlandet',
  'ventetidsgaranti',
];
