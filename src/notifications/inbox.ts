/**
 * Each person's in-portal notifications: what happened in which of their cases, newest first, with what
 * they have read. In PostgreSQL under the person's pseudonym, what names the case sealed; kept 90 days, the
 * newest 200.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { pseudonym } from '../auth/pseudonym.js';
import type { Database } from '../records/database.js';
import { Sealer } from '../store/sealed.js';

const KEEP_DAYS = 90;
const KEEP_COUNT = 200;

/** What is sealed: what names the case and what happened in it. */
const sealedPart = z.object({
  caseNumber: z.string(),
  step: z.string().nullable(),
  documentId: z.string().nullable(),
  /** The submission given up on: its id, when it was sent, and why it failed. */
  submission: z.object({ id: z.string(), sentAt: z.string(), reason: z.string() }).nullable(),
});

export interface Notification extends z.infer<typeof sealedPart> {
  id: string;
  agency: string;
  /** What an agency reported, or SUBMISSION_FAILED: something the person sent was given up on. */
  kind: 'STEP_COMPLETED' | 'DOCUMENT_ADDED' | 'DECISION_MADE' | 'SUBMISSION_FAILED';
  occurredAt: string;
  createdAt: string;
}

export type InboxItem = Notification & { read: boolean };

export interface InboxView {
  /** Newest first. */
  items: InboxItem[];
  unreadCount: number;
}

interface Row {
  id: string;
  agency: string;
  kind: Notification['kind'];
  sealed: string;
  occurred_at: Date;
  created_at: Date;
  read_at: Date | null;
}

export class NotificationInbox {
  readonly #sealer: Sealer;

  constructor(
    private readonly db: Database,
    private readonly secret: string,
  ) {
    this.#sealer = new Sealer(secret, 'notifications');
  }

  async record(nationalId: string, entry: Omit<Notification, 'id' | 'createdAt'>): Promise<Notification> {
    const item: Notification = { ...entry, id: randomUUID(), createdAt: new Date().toISOString() };
    const person = this.#person(nationalId);
    const sealed = this.#sealer.sealJson(sealedPart.parse(item), `notification:${item.id}`);
    await this.db.transaction(async (sql) => {
      await sql.query(
        `INSERT INTO notifications (id, person, agency, kind, sealed, occurred_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [item.id, person, item.agency, item.kind, sealed, item.occurredAt, item.createdAt],
      );
      await sql.query(
        `DELETE FROM notifications WHERE person = $1 AND (
           created_at < now() - $2 * interval '1 day' OR id IN (
             SELECT id FROM notifications WHERE person = $1 ORDER BY seq DESC OFFSET $3))`,
        [person, KEEP_DAYS, KEEP_COUNT],
      );
    });
    return item;
  }

  /** The person's notifications from the agencies `shows` lets through (all by default). */
  async view(nationalId: string, shows: (agency: string) => boolean = () => true): Promise<InboxView> {
    const rows = await this.db.query<Row>(
      `SELECT id, agency, kind, sealed, occurred_at, created_at, read_at FROM notifications
        WHERE person = $1 AND created_at >= now() - $2 * interval '1 day'
        ORDER BY seq DESC LIMIT $3`,
      [this.#person(nationalId), KEEP_DAYS, KEEP_COUNT],
    );
    const items = rows.flatMap((row): InboxItem[] => {
      if (!shows(row.agency)) return [];
      const sealed = this.#sealer.openJson(row.sealed, `notification:${row.id}`, sealedPart);
      if (!sealed) return [];
      return [
        {
          ...sealed,
          id: row.id,
          agency: row.agency,
          kind: row.kind,
          occurredAt: row.occurred_at.toISOString(),
          createdAt: row.created_at.toISOString(),
          read: row.read_at !== null,
        },
      ];
    });
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
    if (marking.length) {
      await this.db.query(
        'UPDATE notifications SET read_at = now() WHERE person = $1 AND id = ANY($2) AND read_at IS NULL',
        [this.#person(nationalId), marking],
      );
    }
    return this.view(nationalId, shows);
  }

  #person(nationalId: string): string {
    return pseudonym(this.secret, nationalId);
  }
}
