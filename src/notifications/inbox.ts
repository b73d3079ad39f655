/**
 * Each person's in-portal notifications: what happened in which of their cases, newest first, with what
 * they have read. Sealed in the store under the person's pseudonym; kept 90 days, the newest 200.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { pseudonym } from '../auth/pseudonym.js';
import type { Store } from '../store/index.js';
import { Sealer } from '../store/sealed.js';

const KEEP_MS = 90 * 86_400_000;
const KEEP_COUNT = 200;

const notification = z.object({
  id: z.string(),
  agency: z.string(),
  caseNumber: z.string(),
  kind: z.enum(['STEP_COMPLETED', 'DOCUMENT_ADDED', 'DECISION_MADE']),
  step: z.string().nullable(),
  documentId: z.string().nullable(),
  occurredAt: z.string(),
  createdAt: z.string(),
});

export type Notification = z.infer<typeof notification>;

export type InboxItem = Notification & { read: boolean };

export interface InboxView {
  /** Newest first. */
  items: InboxItem[];
  unreadCount: number;
}

export class NotificationInbox {
  readonly #sealer: Sealer;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {
    // Notifications written before values were bound to their keys stay readable.
    this.#sealer = new Sealer(secret, 'notifications', { acceptUnbound: true });
  }

  async record(nationalId: string, entry: Omit<Notification, 'id' | 'createdAt'>): Promise<Notification> {
    const item = { ...entry, id: randomUUID(), createdAt: new Date().toISOString() };
    const key = this.#key(nationalId);
    await this.store.push(key, this.#sealer.sealJson(item, key), KEEP_MS, KEEP_COUNT);
    return item;
  }

  /** The person's notifications from the agencies `shows` lets through (all by default). */
  async view(nationalId: string, shows: (agency: string) => boolean = () => true): Promise<InboxView> {
    const key = this.#key(nationalId);
    const [sealed, read] = await Promise.all([
      this.store.list(key),
      this.store.list(this.#readKey(nationalId)),
    ]);
    const readIds = new Set(read);
    const items = sealed
      .flatMap((value) => {
        const item = this.#sealer.openJson(value, key, notification);
        return item && shows(item.agency) ? [{ ...item, read: readIds.has(item.id) }] : [];
      })
      .reverse();
    return { items, unreadCount: items.filter((i) => !i.read).length };
  }

  /** Marks these notifications (or all of them) read; ids that are not the person's change nothing. */
  async markRead(
    nationalId: string,
    ids: readonly string[] | 'ALL',
    shows: (agency: string) => boolean = () => true,
  ): Promise<InboxView> {
    const before = await this.view(nationalId, shows);
    const own = new Set(before.items.filter((i) => !i.read).map((i) => i.id));
    const marking = ids === 'ALL' ? [...own] : ids.filter((id) => own.has(id));
    await this.store.push(this.#readKey(nationalId), marking, KEEP_MS, KEEP_COUNT * 2);
    return this.view(nationalId, shows);
  }

  #key(nationalId: string): string {
    return `notifications:${pseudonym(this.secret, nationalId)}`;
  }

  #readKey(nationalId: string): string {
    return `notifications-read:${pseudonym(this.secret, nationalId)}`;
  }
}
