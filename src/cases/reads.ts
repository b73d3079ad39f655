/**
 * Which documents a person has opened through the portal, so that the portal can say what is new:
 * `Document.read` and `Case.unreadDocumentCount`. Document ids only, under the person's pseudonym, the
 * newest 5,000, kept a year.
 */
import { pseudonym } from '../auth/pseudonym.js';
import type { Store } from '../store/index.js';

const KEEP_MS = 365 * 86_400_000;
const KEEP_COUNT = 5_000;

export class DocumentReads {
  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {}

  async markRead(nationalId: string, globalDocumentId: string): Promise<void> {
    await this.store.push(this.#key(nationalId), globalDocumentId, KEEP_MS, KEEP_COUNT);
  }

  async readIds(nationalId: string): Promise<ReadonlySet<string>> {
    return new Set(await this.store.list(this.#key(nationalId)));
  }

  #key(nationalId: string): string {
    return `document-reads:${pseudonym(this.secret, nationalId)}`;
  }
}
