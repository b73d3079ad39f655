/**
 * Background work that runs every so often on each instance — the outbox, SMS held for the morning, the
 * audit trail's retention. One shape for all: a pass at a time (the next is scheduled when one ends, so a
 * slow pass never overlaps itself), a failed pass is logged and the next one comes anyway, timers never
 * keep the process alive, and stopping waits for the pass in flight.
 */
import type { FastifyBaseLogger } from 'fastify';

export class Poller {
  #timer: NodeJS.Timeout | null = null;
  #pass: Promise<void> | null = null;

  constructor(
    /** What the work is, for the log. */
    private readonly name: string,
    private readonly everyMs: number,
    private readonly pass: () => Promise<unknown>,
    private readonly log: FastifyBaseLogger,
    /** Run the first pass at once rather than after `everyMs`. */
    private readonly atOnce = false,
  ) {}

  start(): void {
    if (this.#timer) return;
    const tick = () => {
      this.#pass = this.pass()
        .then(() => undefined)
        .catch((error: unknown) => this.log.error({ err: (error as Error).message }, `${this.name} failed`))
        .finally(() => {
          this.#pass = null;
          if (this.#timer) this.#timer = setTimeout(tick, this.everyMs).unref();
        });
    };
    this.#timer = setTimeout(tick, this.atOnce ? 0 : this.everyMs).unref();
  }

  /** No new pass starts; resolves when the one in flight (if any) has ended. */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#pass;
  }
}
