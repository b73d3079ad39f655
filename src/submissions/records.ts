/**
 * Submissions in the store: sealed records (the message is personal data), one idempotency claim per
 * person and key, and each person's list of submissions per case.
 */
import { z } from 'zod';
import { pseudonym } from '../auth/pseudonym.js';
import type { Principal } from '../auth/principal.js';
import type { Store } from '../store/index.js';
import { Sealer } from '../store/sealed.js';

export const submissionRecord = z.object({
  id: z.string(),
  /** New information, or a filled-in form (with the form's id in the case and the validated answers). */
  kind: z.enum(['INFORMATION', 'FORM']).default('INFORMATION'),
  formId: z.string().nullable().default(null),
  answers: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .nullable()
    .default(null),
  owner: z.string(),
  caseId: z.string(),
  message: z.string(),
  attachmentIds: z.array(z.string()),
  senderNationalId: z.string(),
  /** The sender's login as it was, to decide their access again when delivering. */
  sender: z.object({
    provider: z.enum(['idporten', 'mitid']),
    issuer: z.string(),
    country: z.enum(['NO', 'DK']),
    assurance: z.enum(['low', 'substantial', 'high']),
  }),
  createdAt: z.string(),
  state: z.enum(['PENDING', 'DELIVERED', 'FAILED']),
  attempts: z.number().int(),
  deliveredAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  receipt: z.string().nullable(),
});

export type SubmissionRecord = z.infer<typeof submissionRecord>;

/** How long a submission and its idempotency key are kept: long enough to retry, then gone. */
export const KEEP_MS = 30 * 86_400_000;

export class SubmissionRecords {
  readonly #sealer: Sealer;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {
    // Submissions written before values were bound to their keys are still delivered.
    this.#sealer = new Sealer(secret, 'submissions', { acceptUnbound: true });
  }

  owner(principal: Principal): string {
    return pseudonym(this.secret, principal.nationalId);
  }

  async save(record: SubmissionRecord): Promise<SubmissionRecord> {
    await this.store.set(
      `submission:${record.id}`,
      this.#sealer.sealJson(record, `submission:${record.id}`),
      KEEP_MS,
    );
    return record;
  }

  async get(id: string): Promise<SubmissionRecord | null> {
    return this.#sealer.openJson(
      await this.store.get(`submission:${id}`),
      `submission:${id}`,
      submissionRecord,
    );
  }

  remove(id: string): Promise<void> {
    return this.store.delete(`submission:${id}`);
  }

  /** Claims the person's idempotency key for this submission; null when claimed, else the earlier submission's id. */
  async claimKey(principal: Principal, key: string, id: string): Promise<string | null> {
    const slot = `idempotency:${this.owner(principal)}:${key}`;
    if (await this.store.setIfAbsent(slot, id, KEEP_MS)) return null;
    return this.store.get(slot);
  }

  async addToCase(principal: Principal, caseId: string, id: string): Promise<void> {
    await this.store.push(`submissions:${this.owner(principal)}:${caseId}`, id, KEEP_MS);
  }

  async forCase(principal: Principal, caseId: string): Promise<SubmissionRecord[]> {
    const ids = await this.store.list(`submissions:${this.owner(principal)}:${caseId}`);
    const records = await Promise.all(ids.map((id) => this.get(id)));
    return records.filter((r): r is SubmissionRecord => r !== null);
  }
}
