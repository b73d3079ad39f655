/** What the person has sent in the case, oldest first, and whether the agency has received it. */
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { CasePageQuery } from '../../../operations/generated/graphql.js';
import { useLanguage } from '../language.js';
import { formatDate, text } from '../texts.js';

type Submission = NonNullable<NonNullable<CasePageQuery['case']>['submissions']>[number];

const COLOR = { PENDING: 'warning', DELIVERED: 'success', FAILED: 'danger' } as const;

export function Submissions({ submissions }: { submissions: readonly Submission[] }) {
  const { lang } = useLanguage();
  return (
    <ul className="case-list">
      {submissions.map((s) => (
        <li key={s.id}>
          <Card data-submission={s.id} data-state={s.state}>
            <Card.Block>
              <Heading level={3} data-size="2xs">
                {formatDate(lang, s.createdAt)}
              </Heading>
              <Paragraph className="submitted-message">{s.message}</Paragraph>
              {s.attachmentCount > 0 && (
                <Paragraph data-size="sm">{text(lang, 'attachments', { n: s.attachmentCount })}</Paragraph>
              )}
              <Tag data-color={COLOR[s.state]}>
                {text(lang, `submissionState_${s.state}`, {
                  date: s.deliveredAt ? formatDate(lang, s.deliveredAt) : '',
                })}
              </Tag>
              {s.failureReason && <Paragraph data-size="sm">{s.failureReason}</Paragraph>}
            </Card.Block>
          </Card>
        </li>
      ))}
    </ul>
  );
}
