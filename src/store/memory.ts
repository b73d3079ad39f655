/** The in-memory store for development and single-instance use: same semantics as Redis, one process. */
import { EventEmitter } from 'node:events';
import type { Store, WindowCount } from './store.js';

interface Entry {
  value: string;
  expiresAt: number;
}

const SWEEP_INTERVAL_MS = 60_000;

export class MemoryStore implements Store {
  readonly #entries = new Map<string, Entry>();
  readonly #lists = new Map<string, string[]>();
  readonly #sweeper: NodeJS.Timeout;
  readonly #channels = new EventEmitter().setMaxListeners(0);

  constructor() {
    // Expired entries are dropped on read; the sweep keeps memory bounded for keys never read again.
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS).unref();
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }

  async hit(key: string, windowMs: number, weight = 1): Promise<WindowCount> {
    const entry = this.#live(key) ?? { value: '0', expiresAt: Date.now() + windowMs };
    entry.value = String(Number(entry.value) + weight);
    this.#entries.set(key, entry);
    return { count: Number(entry.value), resetInMs: entry.expiresAt - Date.now() };
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.#live(key)) return false;
    this.#entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    return true;
  }

  async get(key: string): Promise<string | null> {
    return this.#live(key)?.value ?? null;
  }

  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    return keys.map((key) => this.#live(key)?.value ?? null);
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async push(
    key: string,
    value: string | readonly string[],
    ttlMs: number,
    maxLength?: number,
  ): Promise<void> {
    if (typeof value !== 'string' && !value.length) return;
    const list = (this.#lists.get(key) ?? []).concat(value);
    this.#lists.set(key, maxLength ? list.slice(-maxLength) : list);
    this.#entries.set(`list-ttl:${key}`, { value: '1', expiresAt: Date.now() + ttlMs });
  }

  async list(key: string): Promise<string[]> {
    if (!this.#live(`list-ttl:${key}`)) this.#lists.delete(key);
    return [...(this.#lists.get(key) ?? [])];
  }

  async publish(channel: string, message: string): Promise<void> {
    // Delivered asynchronously, as Redis delivers it.
    queueMicrotask(() => this.#channels.emit(channel, message));
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    this.#channels.on(channel, listener);
    return async () => {
      this.#channels.off(channel, listener);
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#channels.removeAllListeners();
    this.#entries.clear();
  }
}
