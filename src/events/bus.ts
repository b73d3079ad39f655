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
import type { PublishedCaseEvent } from './case-events.js';

const CASE_EVENTS_CHANNEL = 'case-events';

export class CaseEventBus {
  readonly #local = new EventEmitter().setMaxListeners(0);
  readonly #sealer: Sealer;
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly log: FastifyBaseLogger,
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
