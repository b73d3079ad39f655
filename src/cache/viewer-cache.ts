/**
 * The safety net: the last answers an agency gave about one person, sealed, per viewer, short-lived. When
 * the agency is unavailable, the loaders answer from here and the listing says STALE with the answer's
 * age. Nothing is shared between people: every key starts with the viewer's pseudonym, and only answers
 * the access rule let the viewer see are kept (loaders/index.ts).
 *
 * One sealed value per viewer and agency — a sheet of entries (the listing, cases, document lists), each
 * with its age and a digest of its answer — written at most once per request, when the request ends, and
 * only when an answer differs from the sheet's (by a digest) or its entry is older than the refresh. This instance
 * remembers the digests it last saw in each sheet, so a repeated dashboard costs neither a seal nor a store
 * operation; another instance reads the sheet once to learn them. Two instances writing one viewer's sheet
 * at the same moment may lose one's new entries until the next request: it is a cache.
 */
import { hash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { LRUCache } from 'lru-cache';
import { pseudonym } from '../auth/pseudonym.js';
import { Gathered } from '../lifecycle/gathered.js';
import type { Store } from '../store/index.js';
import { outageWarning } from '../store/outage-warning.js';
import { Sealer } from '../store/sealed.js';

export interface Cached<T> {
  asOf: string;
  data: T;
}

interface Entry {
  /** When the answer was last written (ms since the epoch). */
  at: number;
  digest: string;
  data: unknown;
}

/** One viewer's answers from one agency, by key (`listing`, `case:<n>`, `documents:<n>`). */
type Sheet = Record<string, Entry>;

/** What a sheet holds, without the answers: each entry's digest and age. */
type Digests = Map<string, { digest: string; at: number }>;

/** Sheets whose digests one instance remembers (a few bytes each; the oldest are forgotten first). */
const REMEMBERED_SHEETS = 20_000;

export interface SafetyNetOptions {
  /** How long a sheet lives after its last write. */
  ttlMs: number;
  /** An unchanged answer is written again once its entry is this old (so that its age stays near the truth). */
  refreshMs: number;
}

export class ViewerCache {
  readonly #sealer: Sealer;
  readonly #known = new LRUCache<string, Digests>({ max: REMEMBERED_SHEETS });
  /** Writes of one sheet on this instance, one after another (so that one request's entries do not undo another's). */
  readonly #writing = new Map<string, Promise<void>>();
  readonly #safetyNetSkipped = outageWarning('safety net skipped: store unavailable');

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly options: SafetyNetOptions,
    private readonly log: FastifyBaseLogger,
    /** Told of every lookup (the metrics' hit rate). */
    private readonly onLookup: (hit: boolean) => void = () => undefined,
  ) {
    this.#sealer = new Sealer(secret, 'viewer-cache');
  }

  /** The safety net is skipped while the store is away: answers come from the agencies alone. */
  #skipped<T>(fallback: T): (error: unknown) => T {
    return (error) => {
      this.#safetyNetSkipped(this.log, error);
      return fallback;
    };
  }

  // The hash tag keeps one viewer's sheet of one agency in one Redis Cluster slot.
  #sheetKey(nationalId: string, agency: string): string {
    return `cache:{${pseudonym(this.secret, nationalId)}:${agency}}`;
  }

  /** One request's view of a viewer's answers from each agency; `end` writes what the request kept. */
  forRequest(nationalId: string): RequestCache {
    const agencies = new Map<string, AgencyCache>();
    let ended = false;
    return {
      agency: (agency) => {
        let cache = agencies.get(agency);
        if (!cache) {
          agencies.set(agency, (cache = this.#agencyCache(this.#sheetKey(nationalId, agency))));
          if (ended) cache.end();
        }
        return cache;
      },
      end: () => {
        ended = true;
        for (const cache of agencies.values()) cache.end();
      },
    };
  }

  /** Drops everything kept of a viewer at an agency (the agency said something changed). */
  forget(nationalId: string, agency: string): void {
    const key = this.#sheetKey(nationalId, agency);
    this.#known.delete(key);
    // Never holds anything up; a sheet that survives expires with its TTL.
    this.store.delete(key).catch(this.#skipped(undefined));
  }

  #agencyCache(key: string): AgencyCache {
    let sheet: Promise<Sheet | null> | undefined;
    const kept = new Gathered<[string, unknown]>((entries) => this.#write(key, entries));
    return {
      keep: (entry, data) => kept.add([entry, data]),
      getMany: async <T>(entries: readonly string[]) => {
        const read = await (sheet ??= this.#read(key));
        return entries.map((entry) => {
          const found = read?.[entry];
          this.onLookup(found !== undefined);
          return found ? { asOf: new Date(found.at).toISOString(), data: found.data as T } : null;
        });
      },
      end: () => kept.end(),
    };
  }

  /** The sheet, without entries past their time; null when there is none (or the store is away). */
  async #read(key: string): Promise<Sheet | null> {
    const value = await this.store.get(key).catch(this.#skipped(null));
    const sheet = this.#sealer.openJson<Sheet>(value, key);
    if (!sheet) return null;
    const oldest = Date.now() - this.options.ttlMs;
    for (const [entry, { at }] of Object.entries(sheet)) if (at < oldest) delete sheet[entry];
    return sheet;
  }

  /** A fingerprint of an answer, to tell a changed one (kept only inside the sheet and this instance's memory). */
  #digest(data: unknown): string {
    return hash('sha1', JSON.stringify(data), 'base64url');
  }

  /** Writes what a request kept into the viewer's sheet, once, if anything in it is new or due. */
  #write(key: string, kept: [string, unknown][]): void {
    const now = Date.now();
    // An answer kept twice in a request (a case's documents for its list and for its deadlines) counts once.
    const answers = [...new Map(kept)].map(([entry, data]) => ({ entry, data, digest: this.#digest(data) }));
    const due = (digests: Digests | undefined) =>
      answers.filter(({ entry, digest }) => {
        const known = digests?.get(entry);
        return !known || known.digest !== digest || now - known.at >= this.options.refreshMs;
      });
    if (!due(this.#known.get(key)).length) return;
    const previous = this.#writing.get(key) ?? Promise.resolve();
    const writing = previous.then(async () => {
      // What the sheet holds now (another instance may have written it since): only what differs is due.
      const sheet = (await this.#read(key)) ?? {};
      const changed = due(digestsOf(sheet));
      if (changed.length) {
        for (const { entry, data, digest } of changed) sheet[entry] = { at: now, digest, data };
        await this.store.set(key, this.#sealer.sealJson(sheet, key), this.options.ttlMs);
      }
      this.#known.set(key, digestsOf(sheet));
    });
    const settled = writing.catch(this.#skipped(undefined)).finally(() => {
      if (this.#writing.get(key) === settled) this.#writing.delete(key);
    });
    this.#writing.set(key, settled);
  }
}

function digestsOf(sheet: Sheet): Digests {
  return new Map(Object.entries(sheet).map(([entry, { digest, at }]) => [entry, { digest, at }]));
}

/** A request's safety net: one AgencyCache per agency, written when the request ends. */
export interface RequestCache {
  agency(code: string): AgencyCache;
  /**
   * The request is over: what it kept is written (at most one write per agency), and anything kept later as
   * it comes (a stream has no end to wait for).
   */
  end(): void;
}

export interface AgencyCache {
  /** Keeps an answer the viewer may see; written with the request's others when the request ends. */
  keep(entry: string, data: unknown): void;
  /** Kept answers, each with its age (the sheet is read once per request, and only when asked). */
  getMany<T>(entries: readonly string[]): Promise<(Cached<T> | null)[]>;
  end(): void;
}
