/**
 * The person behind one request, built when the request is authenticated and absent without a login (as
 * artsy/metaphysics's authenticated loaders exist only with a token): their loaders, consents, document
 * reads and call options, and the request's entry to every access decision. A Viewer is a Person, so a
 * request decides with exactly the rule that event audiences and deliveries use (person.ts); what the
 * Viewer adds is where the facts come from — the request's loaders, its deadline, its "now".
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AgencyAdapter, AgencyDefinition, CallOptions } from '../agencies/kit/port.js';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { AuditEntry, AuditTrail } from '../audit/audit.js';
import type { Principal } from '../auth/principal.js';
import type { ReadDocuments } from '../cases/reads.js';
import type { Lang } from '../i18n.js';
import type { AgencyLoaders, Loaders } from '../loaders/index.js';
import {
  Person,
  type AgencyAdmission,
  type CaseAccess,
  type Capability,
  type ConsentsOf,
  type DecidedCase,
} from './person.js';

/** A login as a live stream watches it. */
export interface LoginHold {
  /** Whether it still holds. Reads only: an open stream is not activity that keeps a session alive. */
  holds(): Promise<boolean>;
  /** When it ends at the latest (ms since the epoch): the token's expiry, the session's absolute lifetime. */
  endsAt: number;
}

export interface ViewerParts {
  principal: Principal;
  registry: AgencyRegistry;
  loaders: Loaders;
  /** The viewer's consents at the agencies that ask for it. */
  consents: ConsentsOf;
  readDocuments: () => Promise<ReadDocuments>;
  /** The request's deadline and correlation id for agency calls. */
  call: CallOptions;
  login: LoginHold;
  /** The request's start: "today" for the rules and deadlines. */
  now: Date;
  /** Where the request's audit events are gathered, under its id. */
  auditTrail: AuditTrail;
  /** What a stream calls: it has no end to wait for, so its audit events and safety-net answers go as they come. */
  streaming: () => void;
}

/**
 * What the domain takes of a signed-in request: the Viewer, the language to answer in, the agencies and the
 * budget. The graph's context is one; so is a file route's.
 */
export interface ViewerRequest {
  viewer: Viewer;
  lang: Lang;
  log: FastifyBaseLogger;
  registry: AgencyRegistry;
  /** When the request's budget for agency calls runs out (ms since the epoch). */
  deadlineAt: number;
  /** The largest page a list may be asked for. */
  maxPageSize: number;
}

export class Viewer extends Person {
  readonly call: CallOptions;
  readonly login: LoginHold;
  readonly now: Date;
  readonly #parts: ViewerParts;
  #reads: Promise<ReadDocuments> | undefined;

  constructor(parts: ViewerParts) {
    super(parts.principal, parts.consents);
    this.#parts = parts;
    this.call = parts.call;
    this.login = parts.login;
    this.now = parts.now;
  }

  /** The documents the viewer has opened, read from the store at most once per request. */
  readDocuments(): Promise<ReadDocuments> {
    return (this.#reads ??= this.#parts.readDocuments());
  }

  loaders(agency: string): AgencyLoaders {
    const loaders = this.#parts.loaders.get(agency);
    if (!loaders) throw new Error(`no loaders for agency ${agency}`);
    return loaders;
  }

  /** Whether the agency's portal admits the viewer, and which cases it lists for them (the search within `listingTimeMs`). */
  admissionTo(agency: AgencyDefinition, listingTimeMs?: number): Promise<AgencyAdmission> {
    return this.admission(agency, () => this.loaders(agency.code).listing(listingTimeMs), this.now);
  }

  /** A case asked for by id, or one the admission listed: the same rule either way. */
  async case(
    agency: AgencyDefinition,
    caseNumber: string,
    admission: AgencyAdmission | null = null,
  ): Promise<CaseAccess> {
    const loaders = this.loaders(agency.code);
    const access = await this.caseAccess(
      agency,
      caseNumber,
      () => loaders.cases.load(caseNumber),
      this.now,
      admission,
    );
    // Only a case the rule shows the viewer goes into their safety net.
    if ('decision' in access) loaders.keepCase(caseNumber);
    return access;
  }

  /** Whether the viewer may do this with the case: their rights on it, and the agency's adapter can. */
  mayOn(capability: Capability, decided: DecidedCase): boolean {
    return this.may(capability, decided, this.adapterOf(decided.definition.code));
  }

  adapterOf(agency: string): AgencyAdapter | undefined {
    return this.#parts.registry.get(agency);
  }

  /** Records an audit event for this viewer under the request's id (written when the request ends). */
  audit(entry: AuditEntry): void {
    this.#parts.auditTrail.add(entry);
  }

  /** A stream has no end to wait for: its audit events and safety-net answers go as they come (a turn's together). */
  streaming(): void {
    this.#parts.streaming();
  }
}
