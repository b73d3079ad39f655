/**
 * Receiving new information in a mock agency: idempotent by the sender's submission id, as a real API must
 * be, and journaled the way the agencies do it — the message, each attachment and a form's answers become
 * incoming documents of the case from the sender, and an answered form is no longer awaited.
 */
import { randomUUID } from 'node:crypto';
import { slug } from '../seed/generate.js';
import type { AgencyCode } from '../seed/model.js';
import type { MockAgency, MockSubmission } from './harness.js';
import type { AgencyIndex } from './index.js';

/** How each agency titles what came in through its portal. */
const JOURNAL_TITLE: Record<AgencyCode, { information: string; form: string }> = {
  npe: { information: 'Opplysninger sendt inn via Mi side', form: 'Utfylt skjema' },
  helseklage: { information: 'Opplysninger sendt inn via Min side', form: 'Utfylt skjema' },
  stpk: { information: 'Henvendelse via Mit Overblik', form: 'Udfyldt skema' },
  patienterstatningen: { information: 'Henvendelse via Min sag', form: 'Udfyldt skema' },
};

/** Records a submission once; a repeat with the same id gets the first receipt and changes nothing. */
export function receiveSubmission(
  mock: MockAgency,
  index: AgencyIndex,
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
  const record = index.byNumber.get(submission.caseNumber);
  if (record) {
    const titles = JOURNAL_TITLE[record.agency];
    const incoming = (title: string, fileName: string) =>
      index.addDocument(record, {
        title,
        journalType: 'I',
        date: submission.sentAt.slice(0, 10),
        commentDeadline: null,
        counterpartyId: submission.sender,
        fileName,
      });
    if (submission.form) {
      const code = submission.form.formId.split(':').pop() ?? submission.form.formId;
      incoming(`${titles.form}: ${code}`, `${slug(code)}.pdf`);
      record.answeredForms = [...(record.answeredForms ?? []), submission.form.formId];
    } else {
      incoming(titles.information, `${slug(titles.information)}.pdf`);
      for (const id of submission.attachmentIds) {
        const attachment = mock.attachments.get(id);
        if (attachment) incoming(attachment.filename, attachment.filename);
      }
    }
  }
  return { receipt, repeated: false };
}

/** The receipt of a submission the agency holds in this case, or null: how a sender asks "did you get it?". */
export function receiptOf(mock: MockAgency, caseNumber: string, submissionId: string): string | null {
  const held = mock.submissions.get(submissionId);
  return held && held.caseNumber === caseNumber ? held.receipt : null;
}
