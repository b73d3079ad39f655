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
