/**
 * Which documents a person has opened through the portal, so that the portal can say what is new:
 * `Document.read` and `Case.unreadDocumentCount`. In PostgreSQL under the person's pseudonym, each document
 * as a keyed hash of its id (nothing names a case or a document); kept a year.
 */
import { createHmac } from 'node:crypto';
import { pseudonym } from '../auth/pseudonym.js';
import type { Database } from '../records/database.js';

const KEEP_DAYS = 365;

/** The documents a person has read, asked one by one by global document id. */
export interface ReadDocuments {
  has(globalDocumentId: string): boolean;
}

export class DocumentReads {
  constructor(
    private readonly db: Database,
    private readonly secret: string,
  ) {}

  async markRead(nationalId: string, globalDocumentId: string): Promise<void> {
    const person = pseudonym(this.secret, nationalId);
    await this.db.query(
      `INSERT INTO document_reads (person, document, read_at) VALUES ($1, $2, now())
       ON CONFLICT (person, document) DO UPDATE SET read_at = now()`,
      [person, this.#document(globalDocumentId)],
    );
    // The person's markers older than a year go as they read on.
    await this.db.query(
      `DELETE FROM document_reads WHERE person = $1 AND read_at < now() - $2 * interval '1 day'`,
      [person, KEEP_DAYS],
    );
  }

  async readIds(nationalId: string): Promise<ReadDocuments> {
    const rows = await this.db.query<{ document: string }>(
      `SELECT document FROM document_reads WHERE person = $1 AND read_at >= now() - $2 * interval '1 day'`,
      [pseudonym(this.secret, nationalId), KEEP_DAYS],
    );
    const read = new Set(rows.map((row) => row.document));
    return { has: (globalDocumentId) => read.has(this.#document(globalDocumentId)) };
  }

  #document(globalDocumentId: string): string {
    return createHmac('sha256', this.secret).update(`document|${globalDocumentId}`).digest('base64url');
  }
}
