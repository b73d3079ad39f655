import { labelTable } from '../../i18n.js';
import { CONSENT_TO_RECORDS_LABELS } from '../kit/form-labels.js';
import type { AgencyLabels } from '../kit/port.js';

/** Helseklage's codes in words (nb/nn/da/en): forms with their fields and choices, case types, steps, outcomes. */
export const helseklageLabels: AgencyLabels = {
  forms: CONSENT_TO_RECORDS_LABELS,
  caseTypes: labelTable({
    PSN_ANSVAR: [
      'Pasientskade – ansvar',
      'Pasientskade – ansvar',
      'Patientskade – ansvar',
      'Patient injury – liability',
    ],
    PSN_UTMALING: [
      'Pasientskade – utmåling',
      'Pasientskade – utmåling',
      'Patientskade – udmåling',
      'Patient injury – amount',
    ],
    PSN_ADVOKAT: [
      'Forhåndsgodkjenning av advokatutgifter',
      'Førehandsgodkjenning av advokatutgifter',
      'Forhåndsgodkendelse af advokatudgifter',
      'Pre-approval of lawyer costs',
    ],
    HELFO_LEGEMIDLER: [
      'Stønad til legemidler',
      'Stønad til legemiddel',
      'Tilskud til lægemidler',
      'Refund of medicines',
    ],
    HELFO_NAERINGSMIDLER: [
      'Stønad til næringsmidler',
      'Stønad til næringsmiddel',
      'Tilskud til ernæringspræparater',
      'Refund of nutrition',
    ],
    HELFO_TANN: [
      'Stønad til tannbehandling',
      'Stønad til tannbehandling',
      'Tilskud til tandbehandling',
      'Dental treatment',
    ],
    HELFO_FRIKORT: [
      'Frikort og egenandelstak',
      'Frikort og eigendelstak',
      'Frikort og egenbetalingsloft',
      'Exemption card and co-payment ceiling',
    ],
    HELFO_SPESIELLE_FORMAL: [
      'Bidrag til spesielle formål',
      'Bidrag til spesielle føremål',
      'Tilskud til særlige formål',
      'Contributions for special purposes',
    ],
    HELFO_EOS: [
      'Behandling i et annet EØS-land',
      'Behandling i eit anna EØS-land',
      'Behandling i et andet EØS-land',
      'Treatment in another EEA country',
    ],
    HELFO_UTLAND: [
      'Behandling utenfor EØS',
      'Behandling utanfor EØS',
      'Behandling uden for EØS',
      'Treatment outside the EEA',
    ],
    HELFO_PRAKSIS: [
      'Rett til direkte oppgjør',
      'Rett til direkte oppgjer',
      'Ret til direkte afregning',
      'Right to bill the state',
    ],
    SHPN_AUTORISASJON: [
      'Autorisasjon som helsepersonell',
      'Autorisasjon som helsepersonell',
      'Autorisation som sundhedsperson',
      'Health-personnel authorisation',
    ],
    SHPN_LISENS: [
      'Lisens som helsepersonell',
      'Lisens som helsepersonell',
      'Begrænset autorisation',
      'Health-personnel licence',
    ],
    SHPN_SPESIALIST: [
      'Spesialistgodkjenning',
      'Spesialistgodkjenning',
      'Speciallægeanerkendelse',
      'Specialist approval',
    ],
    SHPN_REAKSJON: [
      'Tilsynsreaksjon mot helsepersonell',
      'Tilsynsreaksjon mot helsepersonell',
      'Tilsynsreaktion mod sundhedsperson',
      'Sanction against health personnel',
    ],
    APOTEK: ['Apoteksak', 'Apoteksak', 'Apotekssag', 'Pharmacy decision'],
    FORERKORT: [
      'Helsekrav til førerkort',
      'Helsekrav til førarkort',
      'Helbredskrav til kørekort',
      'Driving licence health requirements',
    ],
    FLYGELEDER: [
      'Medisinsk sertifikat for flygeleder',
      'Medisinsk sertifikat for flygeleiar',
      'Helbredsattest for flyveleder',
      'Air-traffic controller medical certificate',
    ],
    HF_VEDTAK: [
      'Vedtak fra helseforetak',
      'Vedtak frå helseføretak',
      'Afgørelse fra sundhedsforetak',
      'Decision by a health trust',
    ],
  }),
  steps: labelTable({
    FORWARDED: [
      'Oversendt fra førsteinstansen',
      'Oversendt frå førsteinstansen',
      'Oversendt fra første instans',
      'Forwarded from first instance',
    ],
    REGISTERED: ['Registrert', 'Registrert', 'Registreret', 'Registered'],
    IN_QUEUE: ['Venter på behandling', 'Ventar på behandling', 'Afventer behandling', 'Waiting in queue'],
    PROCESSING_STARTED: [
      'Saksbehandlingen har startet',
      'Saksbehandlinga har starta',
      'Sagsbehandlingen er påbegyndt',
      'Processing started',
    ],
    GATHERING_INFORMATION: [
      'Innhenter opplysninger',
      'Hentar inn opplysningar',
      'Indhenter oplysninger',
      'Gathering information',
    ],
    EXPERT_ASSESSMENT: [
      'Sakkyndig vurdering',
      'Sakkunnig vurdering',
      'Sagkyndig vurdering',
      'Expert assessment',
    ],
    SENT_FOR_COMMENT: [
      'Sendt deg til kommentar',
      'Sendt deg til kommentar',
      'Sendt i høring',
      'Sent to you for comment',
    ],
    RECOMMENDATION: [
      'Innstilling til nemnda',
      'Innstilling til nemnda',
      'Indstilling til nævnet',
      'Recommendation to the board',
    ],
    BOARD_MEETING: ['Nemndmøte', 'Nemndmøte', 'Nævnsmøde', 'Board meeting'],
    DELEGATED_DECISION: [
      'Vedtak forberedes',
      'Vedtak vert førebudd',
      'Afgørelse forberedes',
      'Decision being prepared',
    ],
    DECISION: ['Vedtak', 'Vedtak', 'Afgørelse', 'Decision'],
    RETURNED_TO_FIRST_INSTANCE: [
      'Returnert til førsteinstansen',
      'Returnert til førsteinstansen',
      'Hjemvist',
      'Returned to first instance',
    ],
    CLOSED: ['Avsluttet', 'Avslutta', 'Afsluttet', 'Closed'],
  }),
  outcomes: labelTable({
    UPHELD: ['Vedtaket er opprettholdt', 'Vedtaket er halde oppe', 'Afgørelsen er stadfæstet', 'Upheld'],
    REVERSED: ['Vedtaket er omgjort', 'Vedtaket er gjort om', 'Afgørelsen er ændret', 'Reversed'],
    PARTLY_REVERSED: [
      'Vedtaket er delvis omgjort',
      'Vedtaket er delvis gjort om',
      'Afgørelsen er delvis ændret',
      'Partly reversed',
    ],
    QUASHED: ['Opphevet og returnert', 'Oppheva og returnert', 'Ophævet og hjemvist', 'Quashed and returned'],
    DISMISSED: ['Klagen er avvist', 'Klaga er avvist', 'Klagen er afvist', 'Dismissed'],
  }),
};
