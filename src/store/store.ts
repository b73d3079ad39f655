/**
 * The one interface to shared state. Redis in production (so any number of gateway instances agree),
 * memory in development. Every value expires: nothing personal stays in the store for good.
 */
export interface WindowCount {
  /** Hits so far in the current window, this one included. */
  count: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

export interface Store {
  /** Counts a hit (or `weight` hits at once) in a fixed window that starts with the first hit. */
  hit(key: string, windowMs: number, weight?: number): Promise<WindowCount>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets the value only if the key does not exist; true when this call set it (a one-time claim). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /** Several values in one round trip, in the order of `keys`. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  delete(key: string): Promise<void>;
  /** Appends one or more values to a list, renewing its time to live; with `maxLength`, only the newest are kept. */
  push(key: string, value: string | readonly string[], ttlMs: number, maxLength?: number): Promise<void>;
  /** A whole list, oldest first. */
  list(key: string): Promise<string[]>;
  /** Sends a message to everyone subscribed to the channel, on every instance. */
  publish(channel: string, message: string): Promise<void>;
  /** Calls `listener` with each message on the channel until the returned function is called. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  /** Resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
