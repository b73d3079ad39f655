/**
 * Consent at first use (domain.md §4): NPE and Helseklage show nothing before the person consents to use
 * the portal (and says whether they want notifications). Consent is passed on to the agency first, then
 * recorded in PostgreSQL: the consent as it is now, one row per person and agency, and every change in an
 * append-only history (given or withdrawn, when, by whom, with which login) — a legal record (GDPR art. 7)
 * that outlives any cache. People are named by their pseudonym, never by national id.
 */
import type { AgencyAdapter, CallOptions } from '../agencies/kit/port.js';
import type { Principal } from '../auth/principal.js';
import { LANGUAGES, type Lang } from '../i18n.js';
import { pseudonym } from '../auth/pseudonym.js';
import type { Database } from '../records/database.js';

export interface AgencyConsent {
  agency: string;
  portal: boolean;
  notifications: boolean;
  givenAt: string | null;
  withdrawnAt: string | null;
  /** The language the person used when they last consented: their messages are written in it. */
  language: Lang | null;
}

export interface ConsentChange {
  agency: string;
  change: 'GIVEN' | 'WITHDRAWN';
  notifications: boolean;
  at: string;
  /** How the person had logged in when they made the change, e.g. `idporten/high`. */
  login: string;
}

interface ConsentRow {
  agency: string;
  portal: boolean;
  notifications: boolean;
  given_at: Date | null;
  withdrawn_at: Date | null;
  language: string | null;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

const languageOf = (stored: string | null): Lang | null => LANGUAGES.find((lang) => lang === stored) ?? null;

function consentOf(agency: string, row: ConsentRow): AgencyConsent {
  return {
    agency,
    portal: row.portal,
    notifications: row.notifications,
    givenAt: iso(row.given_at),
    withdrawnAt: iso(row.withdrawn_at),
    language: languageOf(row.language),
  };
}

export class ConsentService {
  constructor(
    private readonly db: Database,
    private readonly secret: string,
  ) {}

  #person(principal: Principal): string {
    return pseudonym(this.secret, principal.nationalId);
  }

  /** The viewer's consents at these agencies, in one query; an agency with no record is no consent. */
  async forViewer(principal: Principal, agencies: readonly string[]): Promise<Map<string, AgencyConsent>> {
    const rows = await this.db.query<ConsentRow>(
      `SELECT agency, portal, notifications, given_at, withdrawn_at, language FROM consents
        WHERE person = $1 AND agency = ANY($2::text[])`,
      [this.#person(principal), agencies],
    );
    const found = new Map(rows.map((row) => [row.agency, row]));
    return new Map(
      agencies.map((agency) => {
        const row = found.get(agency);
        const consent: AgencyConsent = row
          ? consentOf(agency, row)
          : { agency, portal: false, notifications: false, givenAt: null, withdrawnAt: null, language: null };
        return [agency, consent];
      }),
    );
  }

  /** Whether the person, as their consent stands now, wants messages about their cases at the agency. */
  async notificationsWanted(nationalId: string, agency: string): Promise<boolean> {
    const [row] = await this.db.query<{ wanted: boolean }>(
      'SELECT portal AND notifications AS wanted FROM consents WHERE person = $1 AND agency = $2',
      [pseudonym(this.secret, nationalId), agency],
    );
    return row?.wanted ?? false;
  }

  /** Every change the person made, oldest first. */
  async history(principal: Principal): Promise<ConsentChange[]> {
    const rows = await this.db.query<{
      agency: string;
      change: ConsentChange['change'];
      notifications: boolean;
      at: Date;
      login: string;
    }>(
      `SELECT agency, change, notifications, at, login FROM consent_changes
        WHERE person = $1 ORDER BY at, id`,
      [this.#person(principal)],
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /** Tells the agency, then records. If the agency cannot take it, nothing is recorded (the error propagates). */
  async give(
    principal: Principal,
    adapter: AgencyAdapter,
    notifications: boolean,
    call: CallOptions,
    /** The language the person is using now: their messages will be written in it. */
    language: Lang | null = null,
  ): Promise<AgencyConsent> {
    const at = new Date();
    await adapter.recordConsent?.(
      principal.nationalId,
      { portal: true, notifications, at: at.toISOString() },
      call,
    );
    return this.#record(principal, adapter.definition.code, 'GIVEN', notifications, at, language);
  }

  async withdraw(principal: Principal, adapter: AgencyAdapter, call: CallOptions): Promise<AgencyConsent> {
    const at = new Date();
    await adapter.recordConsent?.(
      principal.nationalId,
      { portal: false, notifications: false, at: at.toISOString() },
      call,
    );
    return this.#record(principal, adapter.definition.code, 'WITHDRAWN', false, at);
  }

  /** The change and the consent it leaves, in one transaction. A withdrawal keeps when it was given. */
  async #record(
    principal: Principal,
    agency: string,
    change: ConsentChange['change'],
    notifications: boolean,
    at: Date,
    language: Lang | null = null,
  ): Promise<AgencyConsent> {
    const person = this.#person(principal);
    const given = change === 'GIVEN';
    const [row] = await this.db.transaction(async (sql) => {
      await sql.query(
        `INSERT INTO consent_changes (person, agency, change, notifications, at, by_person, login)
         VALUES ($1, $2, $3, $4, $5, $1, $6)`,
        [person, agency, change, notifications, at, `${principal.provider}/${principal.assurance}`],
      );
      return sql.query<ConsentRow>(
        `INSERT INTO consents AS c (person, agency, portal, notifications, given_at, withdrawn_at, changed_at, language)
         VALUES ($1, $2, $3, $4, CASE WHEN $3 THEN $5::timestamptz END, CASE WHEN $3 THEN NULL ELSE $5::timestamptz END, $5, $6)
         ON CONFLICT (person, agency) DO UPDATE SET
           portal = EXCLUDED.portal,
           notifications = EXCLUDED.notifications,
           given_at = CASE WHEN EXCLUDED.portal THEN EXCLUDED.given_at ELSE c.given_at END,
           withdrawn_at = EXCLUDED.withdrawn_at,
           changed_at = EXCLUDED.changed_at,
           language = COALESCE(EXCLUDED.language, c.language)
         RETURNING agency, portal, notifications, given_at, withdrawn_at, language`,
        [person, agency, given, notifications, at, language],
      );
    });
    if (!row) throw new Error('consent not recorded');
    return consentOf(agency, row);
  }
}
