/**
 * Consent at first use (domain.md §4): NPE and Helseklage show nothing before the person consents to use
 * the portal (and says whether they want notifications). Consent is passed on to the agency first, then
 * kept in the store — one sealed record per person and agency, under an HMAC of the person's identity, so
 * that concurrent consents never overwrite each other and a copy of the store reveals nothing.
 */
import type { AgencyAdapter, CallOptions } from '../agencies/port.js';
import type { Principal } from '../auth/principal.js';
import { pseudonym } from '../auth/pseudonym.js';
import { Sealer } from '../store/sealed.js';
import type { Store } from '../store/index.js';
import { z } from 'zod';

export interface AgencyConsent {
  agency: string;
  portal: boolean;
  notifications: boolean;
  givenAt: string | null;
  withdrawnAt: string | null;
}

/** A consent not used for this long is asked for again. */
const CONSENT_TTL_MS = 400 * 86_400_000;

const stored = z.object({
  portal: z.boolean(),
  notifications: z.boolean(),
  givenAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

export class ConsentService {
  readonly #sealer: Sealer;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {
    // Consents given before values were bound to their keys are not asked for again.
    this.#sealer = new Sealer(secret, 'consent', { acceptUnbound: true });
  }

  #key(principal: Principal, agency: string): string {
    return `consent:${pseudonym(this.secret, principal.nationalId)}:${agency}`;
  }

  /** The viewer's consents at these agencies, in one round trip; a missing or unreadable record is no consent. */
  async forViewer(principal: Principal, agencies: readonly string[]): Promise<Map<string, AgencyConsent>> {
    const keys = agencies.map((a) => this.#key(principal, a));
    const values = await this.store.getMany(keys);
    return new Map(
      agencies.map((agency, i) => {
        const found = this.#sealer.openJson(values[i], keys[i] ?? '', stored);
        const consent = found
          ? { agency, ...found }
          : { agency, portal: false, notifications: false, givenAt: null, withdrawnAt: null };
        return [agency, consent];
      }),
    );
  }

  /** Tells the agency, then records. If the agency cannot take it, nothing is recorded (the error propagates). */
  async give(
    principal: Principal,
    adapter: AgencyAdapter,
    notifications: boolean,
    call: CallOptions,
  ): Promise<AgencyConsent> {
    const at = new Date().toISOString();
    await adapter.recordConsent?.(principal.nationalId, { portal: true, notifications, at }, call);
    return this.#save(principal, adapter.definition.code, {
      portal: true,
      notifications,
      givenAt: at,
      withdrawnAt: null,
    });
  }

  async withdraw(principal: Principal, adapter: AgencyAdapter, call: CallOptions): Promise<AgencyConsent> {
    const at = new Date().toISOString();
    await adapter.recordConsent?.(principal.nationalId, { portal: false, notifications: false, at }, call);
    const previous = (await this.forViewer(principal, [adapter.definition.code])).get(
      adapter.definition.code,
    );
    return this.#save(principal, adapter.definition.code, {
      portal: false,
      notifications: false,
      givenAt: previous?.givenAt ?? null,
      withdrawnAt: at,
    });
  }

  async #save(principal: Principal, agency: string, consent: z.infer<typeof stored>): Promise<AgencyConsent> {
    const key = this.#key(principal, agency);
    await this.store.set(key, this.#sealer.sealJson(consent, key), CONSENT_TTL_MS);
    return { agency, ...consent };
  }
}
