/**
 * Live case events on this gateway instance. Every instance subscribes once to the store's channel, so an
 * event received by any instance reaches the subscribers on all of them; each subscriber gets only the
 * events addressed to them (the audience the receiving instance computed with the access policy), and only
 * while their login is still good. Events cross Redis sealed (case numbers and audiences are personal data),
 * so that nothing readable, and nothing forged, passes through the channel.
 */
import { EventEmitter, on } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { pseudonym } from '../auth/pseudonym.js';
import type { Store } from '../store/index.js';
import { Sealer } from '../store/sealed.js';
import type { LoginHold } from '../access/viewer.js';
import type { AgencyEvent } from '../agencies/kit/port.js';

/** An event as published to the gateway instances: the case, what happened, and who may hear of it. */
export interface PublishedCaseEvent extends AgencyEvent {
  id: string;
  agency: string;
  /** Pseudonyms of the people who may see the case. */
  audience: string[];
}

const CASE_EVENTS_CHANNEL = 'case-events';

export class CaseEventBus {
  readonly #local = new EventEmitter().setMaxListeners(0);
  readonly #sealer: Sealer;
  /** The streams open on this instance: how to end each one, and when it has ended. */
  readonly #open = new Map<AbortController, Promise<void>>();
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly log: FastifyBaseLogger,
    /** How often a live stream checks that the login behind it still holds. */
    private readonly loginCheckMs = 5_000,
  ) {
    this.#sealer = new Sealer(secret, 'case-events');
  }

  /** Sends an event to the subscribers on every instance. */
  async publish(event: PublishedCaseEvent): Promise<void> {
    await this.store.publish(CASE_EVENTS_CHANNEL, this.#sealer.sealJson(event, CASE_EVENTS_CHANNEL));
  }

  async start(): Promise<void> {
    this.#unsubscribe = await this.store.subscribe(CASE_EVENTS_CHANNEL, (message) => {
      const event = this.#sealer.openJson<PublishedCaseEvent>(message, CASE_EVENTS_CHANNEL);
      if (event) this.#local.emit('event', event);
      else this.log.warn('a case event on the channel was not sealed by a gateway; dropped');
    });
  }

  /**
   * Ends every open stream on this instance (the gateway is stopping): each gives SHUTTING_DOWN once, so
   * that the client reconnects — to another instance — rather than waiting; resolves when all have ended.
   */
  async endStreams(): Promise<void> {
    for (const stop of this.#open.keys()) stop.abort(SHUTTING_DOWN);
    await Promise.all(this.#open.values());
  }

  async stop(): Promise<void> {
    // When the store is gone there is nothing to unsubscribe from.
    await this.#unsubscribe?.().catch(() => undefined);
    this.#local.removeAllListeners();
  }

  /**
   * The person's events from now on (listening starts at once, not at the first read). When their login
   * ends — at its known end, or as found by a check every `loginCheckMs` and before each event — the
   * iterator gives LOGIN_ENDED once and finishes, so that the client is told rather than left waiting;
   * likewise SHUTTING_DOWN when the gateway stops (`endStreams`). Stopping the iterator (`return`) ends it
   * at once, even while it waits for an event.
   */
  eventsFor(
    nationalId: string,
    login: LoginHold,
  ): AsyncIterableIterator<PublishedCaseEvent | typeof LOGIN_ENDED | typeof SHUTTING_DOWN> {
    const person = pseudonym(this.secret, nationalId);
    const stop = new AbortController();
    const source = on(this.#local, 'event', { signal: stop.signal }) as AsyncIterableIterator<
      [PublishedCaseEvent]
    >;
    const loginEnded = () => stop.abort(LOGIN_ENDED);
    const watch = watchLogin(login, this.loginCheckMs, loginEnded, this.log);
    let ended = (): void => undefined;
    this.#open.set(stop, new Promise<void>((resolve) => (ended = resolve)));
    // Once the stream has said its last word, or its client has gone.
    const finish = () => {
      this.#open.delete(stop);
      ended();
    };
    const events = (async function* () {
      try {
        for await (const [event] of source) {
          if (!event.audience.includes(person)) continue;
          if (!(await login.holds())) {
            loginEnded();
            break;
          }
          yield event;
        }
      } catch (error) {
        if (!stop.signal.aborted) throw error;
      } finally {
        watch.stop();
      }
      try {
        if (stop.signal.reason === LOGIN_ENDED || stop.signal.reason === SHUTTING_DOWN)
          yield stop.signal.reason as typeof LOGIN_ENDED | typeof SHUTTING_DOWN;
      } finally {
        finish();
      }
    })();
    return {
      next: () => events.next(),
      return: async () => {
        stop.abort();
        try {
          return await events.return(undefined);
        } finally {
          finish();
        }
      },
      throw: (error: unknown) => events.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

/** What a live event stream yields last when the login behind it has ended. */
export const LOGIN_ENDED = Symbol('login ended');
/** What a live event stream yields last when this gateway instance is stopping. */
export const SHUTTING_DOWN = Symbol('shutting down');

/**
 * Calls `ended` when the login no longer holds: at its known end, or when a check every `everyMs` finds it
 * gone (a logout, a session that went idle). A check that cannot be made (the store is away) is tried again.
 */
function watchLogin(
  login: LoginHold,
  everyMs: number,
  ended: () => void,
  log: FastifyBaseLogger,
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const untilEnd = Math.max(0, login.endsAt - Date.now());
    timer = setTimeout(() => void check(), Math.min(everyMs, untilEnd));
    timer.unref();
  };
  const check = async () => {
    let holds = true;
    try {
      holds = Date.now() < login.endsAt && (await login.holds());
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not check the login behind a live stream');
    }
    if (stopped) return;
    if (holds) schedule();
    else ended();
  };
  schedule();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
