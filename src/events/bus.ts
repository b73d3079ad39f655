/**
 * Live case events on this gateway instance. Every instance subscribes once to the store's channel, so an
 * event received by any instance reaches the subscribers on all of them; each subscriber gets only the
 * events addressed to them (the audience the receiving instance computed with the access policy), and only
 * while their login is still good.
 */
import { EventEmitter, on } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { pseudonym } from '../auth/pseudonym.js';
import type { Store } from '../store/index.js';
import { CASE_EVENTS_CHANNEL, type PublishedCaseEvent } from './case-events.js';

export class CaseEventBus {
  readonly #local = new EventEmitter().setMaxListeners(0);
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    this.#unsubscribe = await this.store.subscribe(CASE_EVENTS_CHANNEL, (message) => {
      try {
        this.#local.emit('event', JSON.parse(message) as PublishedCaseEvent);
      } catch {
        this.log.warn('a case event on the channel was not JSON; dropped');
      }
    });
  }

  async stop(): Promise<void> {
    // When the store is gone there is nothing to unsubscribe from.
    await this.#unsubscribe?.().catch(() => undefined);
    this.#local.removeAllListeners();
  }

  /**
   * The person's events from now on (listening starts at once, not at the first read); ends when their
   * login no longer holds (checked at each event) or the reader stops.
   */
  eventsFor(nationalId: string, stillSignedIn: () => Promise<boolean>): AsyncGenerator<PublishedCaseEvent> {
    const person = pseudonym(this.secret, nationalId);
    const source = on(this.#local, 'event') as AsyncIterableIterator<[PublishedCaseEvent]>;
    return (async function* () {
      try {
        for await (const [event] of source) {
          if (!event.audience.includes(person)) continue;
          if (!(await stillSignedIn())) return;
          yield event;
        }
      } finally {
        await source.return?.();
      }
    })();
  }
}
