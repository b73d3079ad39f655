/**
 * What one request produces for a store — audit events, answers for the safety net — gathered as it comes
 * (an append each) and handed over together when the request ends: one write per request, however many
 * objects it read. After `end` (the response closed: sent, failed or abandoned by its client) whatever work
 * still under way adds is handed over on the next turn of the event loop, a turn's items together.
 */
export class Gathered<T> {
  #items: T[] = [];
  #ended = false;
  #scheduled = false;

  constructor(private readonly handOver: (items: T[]) => void) {}

  add(item: T): void {
    this.#items.push(item);
    if (this.#ended && !this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.flush();
      });
    }
  }

  /** Hands over what has been gathered since the last flush. */
  flush(): void {
    if (!this.#items.length) return;
    const items = this.#items;
    this.#items = [];
    this.handOver(items);
  }

  /** The request is over: what it gathered goes now, and anything later as it comes. */
  end(): void {
    this.#ended = true;
    this.flush();
  }
}
