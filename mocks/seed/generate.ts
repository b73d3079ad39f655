/**
 * Generates the mock agencies' world from a fixed seed: persons, cases with timelines scheduled relative
 * to the reference date, documents, NPE → Helseklage appeal links, lawyers, and the personas' own cases.
 * The same seed and reference date always give the same world.
 */
import { Faker, base, da, en, nb_NO } from '@faker-js/faker';
import {
  DK_HOSPITALS,
  DK_PROFESSIONS,
  DK_RIGHTS,
  HELSEKLAGE_DECISION_STEPS,
  HELSEKLAGE_PSN,
  HELSEKLAGE_STEPS,
  HELSEKLAGE_TYPES,
  NO_HOSPITALS,
  NPE_CASE_TYPES,
  NPE_DECISION_STEPS,
  NPE_MEDICAL_AREAS,
  NPE_STEPS,
  PATIENTERSTATNINGEN_CASE_TYPES,
  PATIENTERSTATNINGEN_DECISION_STEPS,
  PATIENTERSTATNINGEN_STEPS,
  STPK_CASE_TYPES,
  STPK_DECISION_STEPS,
  STPK_STEPS,
  type HelseklageType,
  type StepTemplate,
} from './catalog.js';
import { fictitiousCpr, syntheticFodselsnummer } from './ids.js';
import {
  AGENCY_CODES,
  type AgencyCode,
  type DigitalMailbox,
  type MockCase,
  type MockDocument,
  type MockParticipant,
  type MockPerson,
  type MockRole,
  type MockStep,
  type World,
} from './model.js';
import { pdfParts, type PdfParts } from './pdf.js';
import { loadPersonas, type Persona } from './personas.js';
import { Random } from './random.js';

export interface SeedOptions {
  seed?: number;
  /** "Today" for the seed; dates are generated relative to it. Defaults to the current UTC day. */
  referenceDate?: Date;
  /** STPK's Mit Overblik cut-off; the citizen-dk persona has one case created before it. */
  stpkCutoff?: string;
  /** Scales the random volumes; the personas' cases are always made. 1 gives the full ≥ 5,000 cases. */
  scale?: number;
}

export const DEFAULT_SEED = 20261101;
export const DEFAULT_STPK_CUTOFF = '2025-11-01';

const DAY_MS = 86_400_000;
/** The size of the persona's scanned journal: large enough that buffering it would show. */
export const LARGE_SCAN_BYTES = 64 * 1024 * 1024;

const VOLUMES = { npe: 2700, helseklageOther: 520, stpk: 1750, patienterstatningen: 900 } as const;

/** One case under construction: its plan, its people, and (for links) the case it appeals. */
interface Draft {
  agency: AgencyCode;
  caseType: string;
  title: string;
  subject: string;
  createdAt: Date;
  plan: StepTemplate[];
  decisionSteps: readonly string[];
  closeStep: string;
  outcome: string;
  /** The step whose completion reveals `outcome`. */
  outcomeStep: string;
  participants: MockParticipant[];
  caseworker: string;
  appealOf?: Built;
}

interface Built {
  draft: Draft;
  record: MockCase;
}

/** The digital mailbox a person's letters go to: Digital Post in Denmark; Digipost or e-Boks in Norway, by their choice. */
export function mailboxOf(agency: AgencyCode, nationalId: string): DigitalMailbox {
  if (agency === 'stpk' || agency === 'patienterstatningen') return 'DIGITAL_POST';
  return Number(nationalId.at(-1)) % 2 === 0 ? 'DIGIPOST' : 'E_BOKS';
}

/** A letter reaches the mailbox within the hour it is sent. */
export function mailboxDelivery(sent: Date): string {
  return new Date(sent.getTime() + 20 * 60_000).toISOString();
}

function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

class WorldBuilder {
  readonly random: Random;
  readonly today: Date;
  readonly fakerNo: Faker;
  readonly fakerDk: Faker;
  readonly persons = new Map<string, MockPerson>();
  readonly built = Object.fromEntries(AGENCY_CODES.map((code) => [code, []])) as unknown as Record<
    AgencyCode,
    Built[]
  >;
  readonly lawyers: MockPerson[] = [];
  readonly lawyerFirms = new Map<string, { firm: string; personal: boolean }>();

  constructor(seed: number, today: Date) {
    this.random = new Random(seed);
    this.today = utcDay(today);
    this.fakerNo = new Faker({ locale: [nb_NO, en, base], seed });
    this.fakerDk = new Faker({ locale: [da, en, base], seed: seed + 1 });
  }

  daysAgo(days: number): Date {
    return new Date(this.today.getTime() - days * DAY_MS);
  }

  /** A working-hours timestamp on the given day, so dates look like a case officer's. */
  atWorkingHour(day: Date): Date {
    return new Date(
      utcDay(day).getTime() + (7 + this.random.int(0, 8)) * 3_600_000 + this.random.int(0, 59) * 60_000,
    );
  }

  birthDate(minAge: number, maxAge: number): Date {
    const age = this.random.int(minAge, maxAge);
    return new Date(
      Date.UTC(this.today.getUTCFullYear() - age, this.random.int(0, 11), this.random.int(1, 28)),
    );
  }

  addPerson(person: MockPerson): MockPerson {
    if (this.persons.has(person.nationalId))
      throw new Error(`duplicate national id in seed: ${person.nationalId}`);
    this.persons.set(person.nationalId, person);
    return person;
  }

  newNorwegian(minAge = 18, maxAge = 90, idKind: 'fnr' | 'dnr' = 'fnr'): MockPerson {
    for (;;) {
      const birth = this.birthDate(minAge, maxAge);
      const nationalId = syntheticFodselsnummer(this.random, birth, idKind === 'dnr');
      if (this.persons.has(nationalId)) continue;
      const givenName = this.fakerNo.person.firstName();
      const familyName = this.fakerNo.person.lastName();
      return this.addPerson({
        nationalId,
        idKind,
        givenName,
        familyName,
        birthDate: isoDate(birth),
        mobile: this.random.chance(0.96) ? `+47 ${this.random.pick(['4', '9'])}${this.digits(7)}` : null,
        email: this.random.chance(0.8)
          ? this.email(givenName, familyName, ['gmail.com', 'online.no', 'hotmail.com'])
          : null,
        deceased: false,
      });
    }
  }

  newDane(minAge = 18, maxAge = 90): MockPerson {
    for (;;) {
      const birth = this.birthDate(minAge, maxAge);
      const female = this.random.chance(0.5);
      const nationalId = fictitiousCpr(this.random, birth, female);
      if (this.persons.has(nationalId)) continue;
      const givenName = this.fakerDk.person.firstName(female ? 'female' : 'male');
      const familyName = this.fakerDk.person.lastName();
      return this.addPerson({
        nationalId,
        idKind: 'cpr',
        givenName,
        familyName,
        birthDate: isoDate(birth),
        mobile: this.random.chance(0.95) ? `+45 ${this.digits(8)}` : null,
        email: this.random.chance(0.8)
          ? this.email(givenName, familyName, ['gmail.com', 'outlook.dk', 'mail.dk'])
          : null,
        deceased: false,
      });
    }
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.random.int(0, 9));
    return out;
  }

  email(given: string, family: string, domains: readonly string[]): string {
    const local = `${given}.${family}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .replace(/[^a-z.]/g, '');
    return `${local}${this.random.int(1, 99)}@${this.random.pick(domains)}`;
  }

  participant(person: MockPerson, role: MockRole, overrides: Partial<MockParticipant> = {}): MockParticipant {
    const firm = this.lawyerFirms.get(person.nationalId);
    return {
      nationalId: person.nationalId,
      role,
      name: `${person.givenName} ${person.familyName}`,
      mobile: person.mobile,
      email:
        firm && !firm.personal ? `post@${firm.firm.toLowerCase().replace(/[^a-z]/g, '')}.no` : person.email,
      emailIsPersonal: firm ? firm.personal : person.email !== null,
      organisation: firm?.firm ?? null,
      ...overrides,
    };
  }

  caseworker(faker: Faker): string {
    return `${faker.person.firstName()} ${faker.person.lastName()}`;
  }

  /** Nominal durations vary from case to case, as real case handling does. */
  jitter(plan: readonly StepTemplate[]): StepTemplate[] {
    return plan.map((step) => ({ ...step, days: Math.round(step.days * (0.6 + this.random.next() * 0.9)) }));
  }

  /** Schedules a draft's plan from its creation date against today and renders the agency-neutral record. */
  build(draft: Draft): Built {
    const steps: MockStep[] = [];
    const documents: MockDocument[] = [];
    const party = draft.participants.find((p) => p.role === 'PARTY' || p.role === 'BEREAVED');
    let previous = draft.createdAt;
    let current: Date | null = null;
    let decidedAt: Date | null = null;
    let closedAt: Date | null = null;
    let expectedDecisionAt: Date | null = null;
    let lastEvent = draft.createdAt;
    for (const [index, template] of draft.plan.entries()) {
      const due = index === 0 ? draft.createdAt : new Date(previous.getTime() + template.days * DAY_MS);
      const done = current === null && due.getTime() <= this.today.getTime();
      // Closing is never under way: a decided case waits (for the appeal period, say) with no step current.
      const closing = index === draft.plan.length - 1;
      const state = done ? 'COMPLETED' : current === null && !closing ? 'CURRENT' : 'UPCOMING';
      if (state === 'CURRENT') current = due;
      const completedAt = done ? (index === 0 ? draft.createdAt : this.atWorkingHour(due)) : null;
      steps.push({
        code: template.code,
        state,
        completedAt: completedAt?.toISOString() ?? null,
        expectedAt: done ? null : isoDate(due),
      });
      if (completedAt) lastEvent = completedAt;
      if (template.code === draft.outcomeStep && completedAt) decidedAt = completedAt;
      if (template.code === draft.closeStep && completedAt) closedAt = completedAt;
      if (!done && expectedDecisionAt === null && draft.decisionSteps.includes(template.code))
        expectedDecisionAt = due;
      // Letters exist only once their moment has come: at the step's start, or at its completion.
      const started = state !== 'UPCOMING';
      for (const doc of template.docs ?? []) {
        if (doc.probability !== undefined && !this.random.chance(doc.probability)) continue;
        const date = doc.at === 'start' ? new Date(previous.getTime() + DAY_MS) : completedAt;
        if (!date || (doc.at === 'start' && (!started || date.getTime() > this.today.getTime()))) continue;
        documents.push({
          id: '',
          caseNumber: '',
          title: doc.title,
          journalType: doc.journal,
          date: isoDate(date),
          commentDeadline: doc.commentDays
            ? isoDate(new Date(date.getTime() + doc.commentDays * DAY_MS))
            : null,
          counterpartyId: doc.fromOrToParty ? (party?.nationalId ?? null) : null,
          fileName: '',
          sizeBytes: 0,
          scannedBytes: 0,
          digitalMailbox:
            doc.toMailbox && party
              ? { mailbox: mailboxOf(draft.agency, party.nationalId), at: mailboxDelivery(date) }
              : null,
        });
        if (date.getTime() > lastEvent.getTime()) lastEvent = date;
      }
      previous = due;
    }
    const record: MockCase = {
      agency: draft.agency,
      caseNumber: '',
      caseType: draft.caseType,
      title: draft.title,
      createdAt: draft.createdAt.toISOString(),
      updatedAt: lastEvent.toISOString(),
      closedAt: closedAt?.toISOString() ?? null,
      expectedDecisionAt: expectedDecisionAt ? isoDate(expectedDecisionAt) : null,
      steps,
      participants: draft.participants,
      documents,
      outcome: decidedAt ? draft.outcome : null,
      compensationNok: null,
      decidedAt: decidedAt?.toISOString() ?? null,
      appealOf: null,
      appealedTo: null,
      subject: draft.subject,
      caseworker: draft.caseworker,
    };
    // NPE's decision on the amount: skewed like real payouts (average about NOK 744,000).
    if (
      draft.agency === 'npe' &&
      steps.some((s) => s.code === NPE_STEPS.amountDecision.code && s.state === 'COMPLETED')
    ) {
      record.compensationNok = Math.round((10_000 + this.random.next() ** 3 * 2_950_000) / 1000) * 1000;
    }
    const built = { draft, record };
    this.built[draft.agency].push(built);
    return built;
  }

  stepCompletedAt(built: Built, code: string): Date | null {
    const step = built.record.steps.find((s) => s.code === code);
    return step?.completedAt ? new Date(step.completedAt) : null;
  }
}

// ---------------------------------------------------------------------------------------------------
// NPE

interface NpeOptions {
  caseType?: string;
  outcome?: 'MEDHOLD' | 'DELVIS_MEDHOLD' | 'AVSLAG';
  appealed?: boolean;
  withExpert?: boolean;
  partialPayment?: boolean;
}

function npePlan(options: Required<NpeOptions>): StepTemplate[] {
  const s = NPE_STEPS;
  const plan: StepTemplate[] = [s.received, s.queue, s.gathering, s.statementForComment];
  if (options.withExpert) plan.push(s.expert, s.expertForComment);
  plan.push(s.liabilityDecision);
  if (options.outcome !== 'AVSLAG') {
    plan.push(s.calculation);
    if (options.partialPayment) plan.push(s.partialPayment);
    plan.push(s.amountDecision, s.payment, s.closed);
  } else if (options.appealed) {
    // The NPE case stays open while Pasientskadenemnda handles the appeal.
    plan.push(s.appealReceived, s.reconsideration, s.forwarded, { ...s.closed, days: 330 });
  } else {
    plan.push({ ...s.closed, days: 25 });
  }
  return plan;
}

function npeDraft(
  w: WorldBuilder,
  createdAt: Date,
  participants: MockParticipant[],
  options: NpeOptions,
  jitter: boolean,
): Draft {
  const caseType = options.caseType ?? w.random.weighted(NPE_CASE_TYPES);
  const outcome =
    options.outcome ??
    w.random.weighted([
      ['MEDHOLD', 30],
      ['DELVIS_MEDHOLD', 5],
      ['AVSLAG', 65],
    ] as const);
  // A drug-injury decision cannot be appealed to Pasientskadenemnda, only taken to court.
  const appealable = caseType === 'PASIENTSKADE';
  const resolved: Required<NpeOptions> = {
    caseType,
    outcome,
    appealed: appealable && (options.appealed ?? (outcome === 'AVSLAG' && w.random.chance(0.36))),
    withExpert: options.withExpert ?? w.random.chance(0.75),
    partialPayment: options.partialPayment ?? w.random.chance(0.3),
  };
  const plan = npePlan(resolved);
  const area = w.random.weighted(NPE_MEDICAL_AREAS);
  const hospital = w.random.pick(NO_HOSPITALS);
  const title =
    caseType === 'PASIENTSKADE'
      ? `Pasientskade – ${area}, ${hospital}`
      : caseType === 'LEGEMIDDELSKADE'
        ? `Legemiddelskade – ${w.random.pick(['blodfortynnende', 'antibiotika', 'vaksine', 'antidepressiva', 'cellegift'])}`
        : 'Skade ved klinisk legemiddelforsøk';
  return {
    agency: 'npe',
    caseType,
    title,
    subject: area,
    createdAt,
    plan: jitter ? w.jitter(plan) : plan,
    decisionSteps: NPE_DECISION_STEPS,
    closeStep: NPE_STEPS.closed.code,
    outcome,
    outcomeStep: NPE_STEPS.liabilityDecision.code,
    participants,
    caseworker: w.caseworker(w.fakerNo),
  };
}

// ---------------------------------------------------------------------------------------------------
// Helseklage

function helseklagePlan(type: HelseklageType, outcome: string, withExpert: boolean): StepTemplate[] {
  const s = HELSEKLAGE_STEPS;
  const plan: StepTemplate[] = [
    s.forwarded,
    s.registered,
    { ...s.queue, days: type.queueDays },
    s.started,
    s.gathering,
  ];
  if (withExpert) plan.push(s.expert);
  plan.push(s.forComment);
  if (type.board) plan.push(s.recommendation, s.boardMeeting);
  else plan.push(s.delegatedDecision);
  plan.push(outcome === 'QUASHED' ? s.returned : s.decision, s.closed);
  return plan;
}

function helseklageDraft(
  w: WorldBuilder,
  type: HelseklageType,
  createdAt: Date,
  participants: MockParticipant[],
  jitter: boolean,
  outcome?: string,
): Draft {
  const chosen =
    outcome ??
    w.random.weighted([
      ['UPHELD', 74],
      ['REVERSED', 10],
      ['PARTLY_REVERSED', 6],
      ['QUASHED', 5],
      ['DISMISSED', 5],
    ] as const);
  const withExpert = w.random.chance(type.code.startsWith('PSN_') ? 0.7 : 0.1);
  const plan = helseklagePlan(type, chosen, withExpert);
  return {
    agency: 'helseklage',
    caseType: type.code,
    title: type.title,
    subject: type.firstInstance,
    createdAt,
    plan: jitter ? w.jitter(plan) : plan,
    decisionSteps: HELSEKLAGE_DECISION_STEPS,
    closeStep: HELSEKLAGE_STEPS.closed.code,
    outcome: chosen,
    outcomeStep: chosen === 'QUASHED' ? HELSEKLAGE_STEPS.returned.code : HELSEKLAGE_STEPS.decision.code,
    participants,
    caseworker: w.caseworker(w.fakerNo),
  };
}

/**
 * The appeal of an NPE decision: same party and representatives, registered at Helseklage a few days after
 * NPE forwarded it — or not yet, when those days have not passed.
 */
function appealOfNpe(
  w: WorldBuilder,
  npe: Built,
  type: HelseklageType,
  forwardedAt: Date,
  jitter = true,
): Built | null {
  const createdAt = w.atWorkingHour(new Date(forwardedAt.getTime() + w.random.int(2, 9) * DAY_MS));
  if (createdAt.getTime() > w.today.getTime()) return null;
  const participants = npe.record.participants.map((p) => ({ ...p }));
  return w.build({ ...helseklageDraft(w, type, createdAt, participants, jitter), appealOf: npe });
}

// ---------------------------------------------------------------------------------------------------
// STPK

function stpkPlan(caseType: string, withDialogue: boolean): StepTemplate[] {
  const s = STPK_STEPS;
  const plan: StepTemplate[] = [s.received, s.scoped];
  if (withDialogue) plan.push(s.dialogue);
  plan.push(s.collecting);
  if (caseType !== 'RETTIGHED' && caseType !== 'AKTINDSIGT') plan.push(s.expert);
  plan.push(s.consultation);
  if (caseType === 'SUNDHEDSPERSON' || caseType === 'ERSTATNINGSANKE') plan.push(s.boardMeeting);
  plan.push(s.decision, s.closed);
  return plan;
}

function stpkDraft(
  w: WorldBuilder,
  caseType: string,
  createdAt: Date,
  participants: MockParticipant[],
  jitter: boolean,
): Draft {
  const isComplaint = caseType === 'BEHANDLINGSSTED' || caseType === 'SUNDHEDSPERSON';
  const outcome = isComplaint
    ? w.random.weighted([
        ['KRITIK', 25],
        ['IKKE_KRITIK', 75],
      ] as const)
    : w.random.weighted([
        ['MEDHOLD', 30],
        ['AFSLAG', 70],
      ] as const);
  const hospital = w.random.pick(DK_HOSPITALS);
  const titles: Record<string, string> = {
    BEHANDLINGSSTED: `Klage over behandling på ${hospital}`,
    SUNDHEDSPERSON: `Klage over ${w.random.pick(DK_PROFESSIONS)}s behandling`,
    RETTIGHED: `Klage vedrørende ${w.random.pick(DK_RIGHTS)}`,
    AKTINDSIGT: 'Klage over afslag på aktindsigt i journal',
    ERSTATNINGSANKE: 'Anke af Patienterstatningens afgørelse',
    PSYKIATRI_ANKE: 'Anke af afgørelse om tvang i psykiatrien',
    ABORT_ANKE: 'Anke af samrådets afgørelse om abort',
  };
  const plan = stpkPlan(caseType, w.random.chance(0.3));
  return {
    agency: 'stpk',
    caseType,
    title: titles[caseType] ?? caseType,
    subject: hospital,
    createdAt,
    plan: jitter ? w.jitter(plan) : plan,
    decisionSteps: STPK_DECISION_STEPS,
    closeStep: STPK_STEPS.closed.code,
    outcome,
    outcomeStep: STPK_STEPS.decision.code,
    participants,
    caseworker: w.caseworker(w.fakerDk),
  };
}

// ---------------------------------------------------------------------------------------------------
// Patienterstatningen

type PatienterstatningenOutcome = 'ANERKENDT' | 'DELVIST_ANERKENDT' | 'AFVIST';

function patienterstatningenPlan(outcome: PatienterstatningenOutcome, appealed: boolean): StepTemplate[] {
  const s = PATIENTERSTATNINGEN_STEPS;
  const plan: StepTemplate[] = [s.received, s.collecting, s.medical, s.consultation, s.decision];
  if (outcome !== 'AFVIST') plan.push(s.calculation, s.amountDecision, s.payment, s.closed);
  // An appeal goes to Patienterstatningen, which reconsiders and, if it upholds its decision, sends the
  // case to Ankenævnet for Patienterstatningen (secretariat: STPK); its own case stays open meanwhile.
  else if (appealed) plan.push(s.appealReceived, s.reconsideration, s.forwarded, { ...s.closed, days: 300 });
  // Otherwise the case closes when the three-month appeal period has run out.
  else plan.push({ ...s.closed, days: 95 });
  return plan;
}

const DK_TREATMENTS = [
  'knæoperation',
  'hofteoperation',
  'fødsel',
  'diagnostik af brystkræft',
  'rygoperation',
  'galdeblæreoperation',
];
const DK_MEDICINES = ['blodfortyndende medicin', 'antibiotika', 'vaccine', 'antidepressiva', 'kemoterapi'];

function patienterstatningenDraft(
  w: WorldBuilder,
  createdAt: Date,
  participants: MockParticipant[],
  options: { caseType?: string; outcome?: PatienterstatningenOutcome; appealed?: boolean },
  jitter: boolean,
): Draft {
  const caseType = options.caseType ?? w.random.weighted(PATIENTERSTATNINGEN_CASE_TYPES);
  const outcome =
    options.outcome ??
    w.random.weighted([
      ['ANERKENDT', 30],
      ['DELVIST_ANERKENDT', 5],
      ['AFVIST', 65],
    ] as const);
  const appealed = options.appealed ?? (outcome === 'AFVIST' && w.random.chance(0.25));
  const plan = patienterstatningenPlan(outcome, appealed);
  const hospital = w.random.pick(DK_HOSPITALS);
  return {
    agency: 'patienterstatningen',
    caseType,
    title:
      caseType === 'BEHANDLINGSSKADE'
        ? `Behandlingsskade – ${w.random.pick(DK_TREATMENTS)}, ${hospital}`
        : `Lægemiddelskade – ${w.random.pick(DK_MEDICINES)}`,
    subject: hospital,
    createdAt,
    plan: jitter ? w.jitter(plan) : plan,
    decisionSteps: PATIENTERSTATNINGEN_DECISION_STEPS,
    closeStep: PATIENTERSTATNINGEN_STEPS.closed.code,
    outcome,
    outcomeStep: PATIENTERSTATNINGEN_STEPS.decision.code,
    participants,
    caseworker: w.caseworker(w.fakerDk),
  };
}

/**
 * The appeal of a Patienterstatningen decision at the board whose secretariat is STPK: same people,
 * registered at STPK a few days after Patienterstatningen sent it on — or not yet, when those days have not passed.
 */
function appealOfPatienterstatningen(w: WorldBuilder, claim: Built, jitter = true): Built | null {
  const forwardedAt = w.stepCompletedAt(claim, PATIENTERSTATNINGEN_STEPS.forwarded.code);
  if (!forwardedAt) return null;
  const createdAt = w.atWorkingHour(new Date(forwardedAt.getTime() + w.random.int(3, 12) * DAY_MS));
  if (createdAt.getTime() > w.today.getTime()) return null;
  const participants = claim.record.participants.map((p) => ({ ...p }));
  return w.build({ ...stpkDraft(w, 'ERSTATNINGSANKE', createdAt, participants, jitter), appealOf: claim });
}

// ---------------------------------------------------------------------------------------------------
// Random volumes

function representatives(w: WorldBuilder, lawyerShare: number, lawyerMany: MockPerson): MockParticipant[] {
  if (w.random.chance(lawyerShare)) {
    const lawyer = w.random.chance(0.2) ? lawyerMany : w.random.pick(w.lawyers);
    return [w.participant(lawyer, 'LAWYER')];
  }
  if (w.random.chance(0.05)) return [w.participant(w.newNorwegian(25, 80), 'PROXY')];
  return [];
}

function randomNorwegianParties(
  w: WorldBuilder,
  lawyerShare: number,
  lawyerMany: MockPerson,
): MockParticipant[] {
  const deceased = w.random.chance(0.03);
  const party = w.newNorwegian(18, 92);
  const participants: MockParticipant[] = [];
  if (deceased) {
    party.deceased = true;
    participants.push(w.participant(party, 'PARTY', { mobile: null, email: null }));
    participants.push(w.participant(w.newNorwegian(30, 70), 'BEREAVED'));
  } else {
    participants.push(w.participant(party, 'PARTY'));
    if (w.random.chance(0.02)) participants.push(w.participant(w.newNorwegian(30, 75), 'GUARDIAN'));
  }
  participants.push(...representatives(w, lawyerShare, lawyerMany));
  return participants;
}

function generateRandom(w: WorldBuilder, scale: number, lawyerMany: MockPerson): void {
  const volume = (n: number) => Math.max(1, Math.round(n * scale));
  for (let i = 0; i < 40; i++) {
    const lawyer = w.newNorwegian(30, 70);
    w.lawyers.push(lawyer);
    w.lawyerFirms.set(lawyer.nationalId, {
      firm: `Advokatfirmaet ${lawyer.familyName} ${w.random.pick(['AS', 'DA', '& Co AS'])}`,
      personal: w.random.chance(0.85),
    });
  }

  for (let i = 0; i < volume(VOLUMES.npe); i++) {
    const createdAt = w.atWorkingHour(w.daysAgo(w.random.int(1, 900)));
    const npe = w.build(npeDraft(w, createdAt, randomNorwegianParties(w, 0.35, lawyerMany), {}, true));
    const forwardedAt = w.stepCompletedAt(npe, NPE_STEPS.forwarded.code);
    if (forwardedAt) appealOfNpe(w, npe, HELSEKLAGE_PSN.PSN_ANSVAR, forwardedAt);
    // Some amount decisions are appealed too (PSN_UTMALING), three weeks after the decision at the latest.
    const amountAt = w.stepCompletedAt(npe, NPE_STEPS.amountDecision.code);
    // Drug-injury decisions cannot be appealed to Pasientskadenemnda, only taken to court.
    if (amountAt && npe.record.caseType === 'PASIENTSKADE' && w.random.chance(0.15))
      appealOfNpe(w, npe, HELSEKLAGE_PSN.PSN_UTMALING, amountAt);
  }

  for (let i = 0; i < volume(VOLUMES.helseklageOther); i++) {
    // Every case type at least once, then by their shares.
    const type = HELSEKLAGE_TYPES[i]?.[0] ?? w.random.weighted(HELSEKLAGE_TYPES);
    const createdAt = w.atWorkingHour(w.daysAgo(w.random.int(1, 700)));
    w.build(helseklageDraft(w, type, createdAt, randomNorwegianParties(w, 0.12, lawyerMany), true));
  }

  for (let i = 0; i < volume(VOLUMES.stpk); i++) {
    const caseType = w.random.weighted(STPK_CASE_TYPES);
    const createdAt = w.atWorkingHour(w.daysAgo(w.random.int(1, 800)));
    const participants: MockParticipant[] = [];
    if (w.random.chance(0.06)) {
      // A child's complaint, made by the custody holder.
      participants.push(w.participant(w.newDane(2, 17), 'PARTY', { mobile: null, email: null }));
      participants.push(w.participant(w.newDane(25, 60), 'CUSTODY_HOLDER'));
    } else {
      participants.push(w.participant(w.newDane(18, 95), 'PARTY'));
      if (w.random.chance(0.03)) participants.push(w.participant(w.newDane(25, 75), 'PROXY'));
    }
    w.build(stpkDraft(w, caseType, createdAt, participants, true));
  }

  const danishLawyers = Array.from({ length: 12 }, () => {
    const lawyer = w.newDane(30, 70);
    w.lawyerFirms.set(lawyer.nationalId, { firm: `Advokatfirmaet ${lawyer.familyName}`, personal: true });
    return lawyer;
  });
  for (let i = 0; i < volume(VOLUMES.patienterstatningen); i++) {
    const createdAt = w.atWorkingHour(w.daysAgo(w.random.int(1, 900)));
    const participants: MockParticipant[] = [];
    if (w.random.chance(0.04)) {
      // A claim after a death, made by the bereaved.
      const deceased = w.newDane(60, 95);
      deceased.deceased = true;
      participants.push(w.participant(deceased, 'PARTY', { mobile: null, email: null }));
      participants.push(w.participant(w.newDane(30, 70), 'BEREAVED'));
    } else {
      participants.push(w.participant(w.newDane(18, 95), 'PARTY'));
    }
    if (w.random.chance(0.12)) participants.push(w.participant(w.random.pick(danishLawyers), 'LAWYER'));
    const claim = w.build(patienterstatningenDraft(w, createdAt, participants, {}, true));
    appealOfPatienterstatningen(w, claim);
  }
}

// ---------------------------------------------------------------------------------------------------
// Personas: cases crafted so that every access rule of domain.md §4 has someone to exercise it.

function personaPerson(w: WorldBuilder, persona: Persona): MockPerson {
  const [givenName = persona.name, ...rest] = persona.name.split(' ');
  const nationalId = persona.login.pid ?? persona.login.cpr;
  if (!nationalId) throw new Error(`persona ${persona.key} has no national id`);
  const idKind = persona.login.cpr
    ? 'cpr'
    : nationalId[0] !== undefined && Number(nationalId[0]) >= 4
      ? 'dnr'
      : 'fnr';
  const day = Number(nationalId.slice(0, 2)) - (idKind === 'dnr' ? 40 : idKind === 'cpr' ? 60 : 0);
  const month = Number(nationalId.slice(2, 4)) - (idKind === 'cpr' ? 0 : 80);
  const yy = Number(nationalId.slice(4, 6));
  const year = yy + (yy > Number(String(w.today.getUTCFullYear()).slice(2)) ? 1900 : 2000);
  const familyName = rest.join(' ');
  return w.addPerson({
    nationalId,
    idKind,
    givenName,
    familyName,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    mobile: persona.key === 'missing-mobile' ? null : `+${idKind === 'cpr' ? '45 2' : '47 9'}${w.digits(7)}`,
    email: w.email(givenName, familyName, idKind === 'cpr' ? ['mail.dk'] : ['online.no']),
    deceased: false,
  });
}

/** Creation date for a plan whose step `code` should complete `daysAgo` days before today. */
function createdFor(w: WorldBuilder, plan: readonly StepTemplate[], code: string, daysAgo: number): Date {
  let total = 0;
  for (const [index, step] of plan.entries()) {
    if (index > 0) total += step.days;
    if (step.code === code) return w.atWorkingHour(w.daysAgo(total + daysAgo));
  }
  throw new Error(`step ${code} is not in the plan`);
}

function generatePersonas(w: WorldBuilder, personas: Persona[], cutoff: string): MockPerson {
  const people = new Map(personas.map((p) => [p.key, personaPerson(w, p)]));
  const person = (key: string): MockPerson => {
    const found = people.get(key);
    if (!found) throw new Error(`personas.json has no persona ${key}`);
    return found;
  };
  const lawyerMany = person('lawyer-many');
  w.lawyerFirms.set(lawyerMany.nationalId, { firm: 'Advokatfirmaet Solberg & Lie AS', personal: true });
  const secondLawyer = person('second-lawyer');
  w.lawyerFirms.set(secondLawyer.nationalId, { firm: 'Holm Advokatkontor AS', personal: false });
  const npeRejectedAppealed = {
    caseType: 'PASIENTSKADE',
    outcome: 'AVSLAG',
    appealed: true,
    withExpert: true,
  } as const;

  // citizen-npe-helseklage: rejected NPE claim forwarded to PSN 190 days ago; the appeal is open for comment.
  {
    const ingrid = person('citizen-npe-helseklage');
    const plan = npePlan({ ...npeRejectedAppealed, partialPayment: false });
    const created = createdFor(w, plan, NPE_STEPS.forwarded.code, 190);
    const npe = w.build(npeDraft(w, created, [w.participant(ingrid, 'PARTY')], npeRejectedAppealed, false));
    const forwardedAt = w.stepCompletedAt(npe, NPE_STEPS.forwarded.code);
    if (!forwardedAt) throw new Error('persona NPE case was not forwarded');
    // A hospital's whole journal, scanned: the large document that downloads must stream.
    const journalDate =
      npe.record.steps.find((st) => st.code === NPE_STEPS.gathering.code)?.completedAt ??
      npe.record.createdAt;
    npe.record.documents.push({
      id: '',
      caseNumber: '',
      title: 'Pasientjournal fra behandlingssted (skannet)',
      journalType: 'I',
      date: journalDate.slice(0, 10),
      commentDeadline: null,
      counterpartyId: null,
      fileName: '',
      sizeBytes: 0,
      scannedBytes: LARGE_SCAN_BYTES,
    });
    // Her appeal came with its evidence: a doctor's statement and receipts, each its own journal entry.
    const appealAt =
      npe.record.steps.find((st) => st.code === NPE_STEPS.appealReceived.code)?.completedAt ?? journalDate;
    const evidence = ['legeerklæring fra fastlege', 'legeerklæring fra fysioterapeut', 'sykmelding'];
    for (let n = 1; n <= 20; n++) {
      npe.record.documents.push({
        id: '',
        caseNumber: '',
        title: `Vedlegg ${n} til klage – ${evidence[n - 1] ?? `kvittering for egenandel ${n - evidence.length}`}`,
        journalType: 'I',
        date: appealAt.slice(0, 10),
        commentDeadline: null,
        counterpartyId: ingrid.nationalId,
        fileName: '',
        sizeBytes: 0,
        scannedBytes: 0,
      });
    }
    const appealPlan = helseklagePlan(HELSEKLAGE_PSN.PSN_ANSVAR, 'UPHELD', false);
    const appealCreated = createdFor(w, appealPlan, 'SENT_FOR_COMMENT', -10);
    const appeal = w.build({
      ...helseklageDraft(
        w,
        HELSEKLAGE_PSN.PSN_ANSVAR,
        appealCreated,
        [w.participant(ingrid, 'PARTY')],
        false,
        'UPHELD',
      ),
      plan: appealPlan,
      appealOf: npe,
    });
    void appeal;
    const helfo = HELSEKLAGE_TYPES.find(([t]) => t.code === 'HELFO_LEGEMIDLER')?.[0];
    if (!helfo) throw new Error('catalog lacks HELFO_LEGEMIDLER');
    w.build(
      helseklageDraft(w, helfo, w.atWorkingHour(w.daysAgo(40)), [w.participant(ingrid, 'PARTY')], false),
    );
  }

  // citizen-dk: a current complaint, one created before the cut-off, and her daughter's complaint.
  {
    const mette = person('citizen-dk');
    const daughter = w.newDane(6, 12);
    daughter.familyName = mette.familyName;
    w.build(
      stpkDraft(w, 'BEHANDLINGSSTED', w.atWorkingHour(w.daysAgo(75)), [w.participant(mette, 'PARTY')], false),
    );
    const beforeCutoff = new Date(new Date(`${cutoff}T10:00:00Z`).getTime() - 20 * DAY_MS);
    w.build(stpkDraft(w, 'SUNDHEDSPERSON', beforeCutoff, [w.participant(mette, 'PARTY')], false));
    w.build(
      stpkDraft(
        w,
        'BEHANDLINGSSTED',
        w.atWorkingHour(w.daysAgo(50)),
        [
          w.participant(daughter, 'PARTY', { mobile: null, email: null }),
          w.participant(mette, 'CUSTODY_HOLDER'),
        ],
        false,
      ),
    );
  }

  // citizen-dk-compensation: a rejected claim sent to the appeals board 60 days ago, and its STPK appeal;
  // a drug-injury claim waiting for his comments.
  {
    const lars = person('citizen-dk-compensation');
    const rejected = { caseType: 'BEHANDLINGSSKADE', outcome: 'AFVIST', appealed: true } as const;
    const plan = patienterstatningenPlan(rejected.outcome, true);
    const created = createdFor(w, plan, PATIENTERSTATNINGEN_STEPS.forwarded.code, 60);
    const claim = w.build(
      patienterstatningenDraft(w, created, [w.participant(lars, 'PARTY')], rejected, false),
    );
    claim.record.title = 'Behandlingsskade – knæoperation, Aarhus Universitetshospital';
    if (!appealOfPatienterstatningen(w, claim, false))
      throw new Error('citizen-dk-compensation persona appeal not yet registered');
    const drug = { caseType: 'LAEGEMIDDELSKADE', outcome: 'ANERKENDT', appealed: false } as const;
    const drugPlan = patienterstatningenPlan(drug.outcome, false);
    const drugCreated = createdFor(w, drugPlan, PATIENTERSTATNINGEN_STEPS.consultation.code, -5);
    w.build(patienterstatningenDraft(w, drugCreated, [w.participant(lars, 'PARTY')], drug, false));
  }

  // represented-party with a lawyer at NPE and the proxy persona at Helseklage; the proxy also acts at NPE.
  const helfoTann = HELSEKLAGE_TYPES.find(([t]) => t.code === 'HELFO_TANN')?.[0];
  const helfoEos = HELSEKLAGE_TYPES.find(([t]) => t.code === 'HELFO_EOS')?.[0];
  const helfoFrikort = HELSEKLAGE_TYPES.find(([t]) => t.code === 'HELFO_FRIKORT')?.[0];
  if (!helfoTann || !helfoEos || !helfoFrikort) throw new Error('catalog lacks Helfo types');
  {
    const anders = person('represented-party');
    const proxy = person('proxy');
    const someLawyer = w.lawyers[0] ?? lawyerMany;
    w.build(
      npeDraft(
        w,
        w.atWorkingHour(w.daysAgo(200)),
        [w.participant(anders, 'PARTY'), w.participant(someLawyer, 'LAWYER')],
        {},
        false,
      ),
    );
    w.build(
      helseklageDraft(
        w,
        helfoTann,
        w.atWorkingHour(w.daysAgo(120)),
        [w.participant(anders, 'PARTY'), w.participant(proxy, 'PROXY')],
        false,
      ),
    );
    const principal = w.newNorwegian(60, 85);
    w.build(
      npeDraft(
        w,
        w.atWorkingHour(w.daysAgo(260)),
        [w.participant(principal, 'PARTY'), w.participant(proxy, 'PROXY')],
        {},
        false,
      ),
    );
  }

  // guardian and ward on the same two cases.
  {
    const ward = person('ward');
    const guardian = person('guardian');
    const both = () => [w.participant(ward, 'PARTY'), w.participant(guardian, 'GUARDIAN')];
    w.build(helseklageDraft(w, helfoTann, w.atWorkingHour(w.daysAgo(150)), both(), false));
    w.build(npeDraft(w, w.atWorkingHour(w.daysAgo(300)), both(), {}, false));
  }

  // bereaved: her late father's NPE claim and its Pasientskadenemnda appeal.
  {
    const silje = person('bereaved');
    const father = w.newNorwegian(75, 90);
    father.deceased = true;
    const family = () => [
      w.participant(father, 'PARTY', { mobile: null, email: null }),
      w.participant(silje, 'BEREAVED'),
    ];
    const plan = npePlan({ ...npeRejectedAppealed, partialPayment: false });
    const npe = w.build(
      npeDraft(w, createdFor(w, plan, NPE_STEPS.forwarded.code, 60), family(), npeRejectedAppealed, false),
    );
    const forwardedAt = w.stepCompletedAt(npe, NPE_STEPS.forwarded.code);
    if (!forwardedAt) throw new Error('bereaved persona NPE case was not forwarded');
    if (!appealOfNpe(w, npe, HELSEKLAGE_PSN.PSN_ANSVAR, forwardedAt, false))
      throw new Error('bereaved persona appeal not yet registered');
  }

  w.build(
    helseklageDraft(
      w,
      helfoEos,
      w.atWorkingHour(w.daysAgo(90)),
      [w.participant(person('dnumber'), 'PARTY')],
      false,
    ),
  );

  // lawyer-shared-inbox: the sole lawyer on a Helfo appeal, registered with the firm's shared inbox.
  {
    const jon = person('lawyer-shared-inbox');
    w.lawyerFirms.set(jon.nationalId, { firm: 'Eriksen & Berg Advokatfirma AS', personal: false });
    const client = w.newNorwegian(40, 80);
    const parties = [w.participant(client, 'PARTY'), w.participant(jon, 'LAWYER')];
    w.build(helseklageDraft(w, helfoTann, w.atWorkingHour(w.daysAgo(110)), parties, false));
  }
  w.build(
    helseklageDraft(
      w,
      helfoFrikort,
      w.atWorkingHour(w.daysAgo(30)),
      [w.participant(person('missing-mobile'), 'PARTY')],
      false,
    ),
  );

  // npe-closed-old: one claim closed 120 days ago, one 30 days ago (both granted and paid).
  {
    const ole = person('npe-closed-old');
    const granted = {
      caseType: 'PASIENTSKADE',
      outcome: 'MEDHOLD',
      appealed: false,
      withExpert: false,
      partialPayment: false,
    } as const;
    const plan = npePlan(granted);
    for (const closedDaysAgo of [120, 30]) {
      const created = createdFor(w, plan, NPE_STEPS.closed.code, closedDaysAgo);
      w.build(npeDraft(w, created, [w.participant(ole, 'PARTY')], granted, false));
    }
  }
  return lawyerMany;
}

/** NPE's Mi side drops a case 90 days after it closed (domain.md §4); Helseklage keeps them. */
const NPE_CLOSED_VISIBLE_DAYS = 90;

/**
 * Tops lawyer-many up to a realistic caseload of cases his portals still show (`target`, after NPE's
 * 90-day rule), and gives one Helseklage case a second lawyer.
 */
function assignLawyerMany(
  w: WorldBuilder,
  lawyerMany: MockPerson,
  secondLawyer: MockPerson,
  target: number,
): void {
  const holds = (b: Built) => b.record.participants.some((p) => p.nationalId === lawyerMany.nationalId);
  const shown = (b: Built) =>
    b.draft.agency !== 'npe' ||
    !b.record.closedAt ||
    w.today.getTime() - Date.parse(b.record.closedAt) <= NPE_CLOSED_VISIBLE_DAYS * DAY_MS;
  let count = [...w.built.npe, ...w.built.helseklage].filter((b) => holds(b) && shown(b)).length;
  const candidates = [...w.built.npe, ...w.built.helseklage].filter(
    (b) =>
      !holds(b) &&
      shown(b) &&
      b.record.participants.some((p) => p.role === 'LAWYER') &&
      b.record.participants.length <= 3,
  );
  for (const built of candidates) {
    if (count >= target) break;
    const lawyer = built.record.participants.find((p) => p.role === 'LAWYER');
    if (!lawyer) continue;
    Object.assign(lawyer, w.participant(lawyerMany, 'LAWYER'));
    count++;
  }
  const shared = w.built.helseklage.find((b) => holds(b) && !b.record.closedAt);
  if (!shared) throw new Error('lawyer-many has no open Helseklage case to share');
  shared.record.participants.push(w.participant(secondLawyer, 'LAWYER'));
}

// ---------------------------------------------------------------------------------------------------
// Numbering and documents

const AGENCY_PREFIX: Record<AgencyCode, (year: number, seq: number) => string> = {
  npe: (year, seq) => `${year}-${String(seq).padStart(5, '0')}`,
  // Noark case numbers: year/sequence.
  helseklage: (year, seq) => `${year}/${String(seq).padStart(5, '0')}`,
  stpk: (year, seq) => `${String(year).slice(2)}-${String(seq).padStart(6, '0')}`,
  patienterstatningen: (year, seq) => `${year}-${String(seq).padStart(6, '0')}`,
};

export const DOCUMENT_ID: Record<AgencyCode, (n: number, caseNumber: string) => string> = {
  npe: (n) => `D${String(n).padStart(8, '0')}`,
  helseklage: (n, caseNumber) => `JP-${caseNumber.slice(0, 4)}-${String(n).padStart(7, '0')}`,
  stpk: (n) => `dok-${(0x9a0000 + n).toString(16)}`,
  patienterstatningen: (n) => `pes-${String(n).padStart(9, '0')}`,
};

const DANISH: ReadonlySet<AgencyCode> = new Set(['stpk', 'patienterstatningen']);

/** A document's PDF in parts, so that a mock can stream even a large scan without holding it. */
export function documentPdf(record: MockCase, doc: MockDocument): PdfParts {
  const lines = [
    doc.title,
    '',
    `${DANISH.has(record.agency) ? 'Sagsnummer' : 'Saksnummer'}: ${record.caseNumber}`,
    `Dato: ${doc.date}`,
    `${record.title}`,
    '',
    'Syntetisk testdokument fra mock-etaten. Inneholder ingen ekte personopplysninger.',
  ];
  return pdfParts(lines, doc.scannedBytes);
}

export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function number(w: WorldBuilder, agency: AgencyCode): void {
  const builts = w.built[agency];
  builts.sort((a, b) => a.draft.createdAt.getTime() - b.draft.createdAt.getTime());
  const sequence = new Map<number, number>();
  let documentCounter = 0;
  for (const { record } of builts) {
    const year = new Date(record.createdAt).getUTCFullYear();
    const seq = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, seq);
    record.caseNumber = AGENCY_PREFIX[agency](year, seq + 100);
    record.documents.sort((a, b) => a.date.localeCompare(b.date));
    for (const doc of record.documents) {
      documentCounter++;
      doc.id = DOCUMENT_ID[agency](documentCounter, record.caseNumber);
      doc.caseNumber = record.caseNumber;
      doc.fileName = `${slug(doc.title)}.pdf`;
      doc.sizeBytes = documentPdf(record, doc).size;
    }
  }
}

export function generateWorld(options: SeedOptions = {}): World {
  const w = new WorldBuilder(options.seed ?? DEFAULT_SEED, options.referenceDate ?? new Date());
  const personas = loadPersonas();
  const lawyerMany = generatePersonas(w, personas, options.stpkCutoff ?? DEFAULT_STPK_CUTOFF);
  generateRandom(w, options.scale ?? 1, lawyerMany);
  const secondLawyer = w.persons.get('17868810076');
  if (!secondLawyer) throw new Error('personas.json lacks second-lawyer');
  const minimum = personas.find((p) => p.key === 'lawyer-many')?.minimumCases ?? 250;
  assignLawyerMany(w, lawyerMany, secondLawyer, Math.round(minimum * 1.05 * Math.min(1, options.scale ?? 1)));

  for (const code of AGENCY_CODES) number(w, code);
  for (const { draft, record } of AGENCY_CODES.flatMap((code) => w.built[code])) {
    if (!draft.appealOf) continue;
    const appealed = draft.appealOf.record;
    record.appealOf = { agency: appealed.agency, caseNumber: appealed.caseNumber };
    appealed.appealedTo = { agency: record.agency, caseNumber: record.caseNumber };
  }
  return {
    referenceDate: isoDate(w.today),
    persons: w.persons,
    cases: Object.fromEntries(
      AGENCY_CODES.map((code) => [code, w.built[code].map((b) => b.record)]),
    ) as unknown as World['cases'],
  };
}
