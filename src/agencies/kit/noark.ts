/**
 * Noark 5, the Norwegian public archive standard both Norwegian agencies keep their journals in: a journal
 * post's type says which way a document went.
 */
import type { DocumentDirection } from './port.js';

export type NoarkJournalPostType = 'I' | 'U' | 'N' | 'X';

/** I incoming, U outgoing; N (an internal note to follow up) and X (one without) stay internal. */
export const NOARK_DIRECTION: Readonly<Record<NoarkJournalPostType, DocumentDirection>> = {
  I: 'INCOMING',
  U: 'OUTGOING',
  N: 'INTERNAL',
  X: 'INTERNAL',
};
