/** Receiving new information in a mock agency: idempotent by the sender's submission id, as a real API must be. */
import { randomUUID } from 'node:crypto';
import type { MockAgency, MockSubmission } from './harness.js';

/** Records a submission once; a repeat with the same id gets the first receipt and changes nothing. */
export function receiveSubmission(
  mock: MockAgency,
  submissionId: string,
  submission: Omit<MockSubmission, 'receipt' | 'received'>,
): { receipt: string; repeated: boolean } | { error: string } {
  const earlier = mock.submissions.get(submissionId);
  if (earlier) {
    earlier.received++;
    return { receipt: earlier.receipt, repeated: true };
  }
  for (const id of submission.attachmentIds) {
    if (mock.attachments.get(id)?.caseNumber !== submission.caseNumber)
      return { error: `unknown attachment ${id}` };
  }
  const receipt = randomUUID();
  mock.submissions.set(submissionId, { ...submission, receipt, received: 1 });
  return { receipt, repeated: false };
}

/** The receipt of a submission the agency holds in this case, or null: how a sender asks "did you get it?". */
export function receiptOf(mock: MockAgency, caseNumber: string, submissionId: string): string | null {
  const held = mock.submissions.get(submissionId);
  return held && held.caseNumber === caseNumber ? held.receipt : null;
}
