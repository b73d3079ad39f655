/**
 * The case's documents both ways — from the agency and from the person — with a download link where the
 * viewer may open them, and the whole case file as one ZIP.
 */
import { Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { CaseDocumentsDocument } from '../../../operations/generated/graphql.js';
import { usePageQuery } from '../graph.js';
import { useLanguage } from '../language.js';
import { formatDate, text } from '../texts.js';

export function Documents({ caseId }: { caseId: string }) {
  const { lang } = useLanguage();
  const { data, loading, error } = usePageQuery(CaseDocumentsDocument, {
    variables: { id: caseId, first: 100 },
  });
  if (loading && !data) return <Spinner aria-label={text(lang, 'loading')} />;
  const found = data?.case;
  if (!found?.documents)
    return error ? <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph> : null;
  if (found.documents.length === 0) return <Paragraph>{text(lang, 'noDocuments')}</Paragraph>;
  return (
    <>
      {found.caseFileUrl && (
        <Paragraph>
          <Link href={found.caseFileUrl} data-case-file>
            {text(lang, 'downloadAll')}
          </Link>
        </Paragraph>
      )}
      <Table data-size="sm" className="documents">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{text(lang, 'date')}</Table.HeaderCell>
            <Table.HeaderCell>{text(lang, 'document')}</Table.HeaderCell>
            <Table.HeaderCell>{text(lang, 'direction')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {found.documents.map((doc) => (
            <Table.Row key={doc.id} data-document={doc.id} data-direction={doc.direction}>
              <Table.Cell>{formatDate(lang, doc.date)}</Table.Cell>
              <Table.Cell>
                {doc.downloadUrl ? <Link href={doc.downloadUrl}>{doc.title}</Link> : doc.title}
                {!doc.read && doc.downloadUrl && (
                  <>
                    {' '}
                    <Tag data-color="warning">{text(lang, 'unread')}</Tag>
                  </>
                )}
                {doc.commentDeadline && (
                  <Paragraph data-size="sm">
                    {text(lang, 'commentBy', { date: formatDate(lang, doc.commentDeadline) })}
                  </Paragraph>
                )}
                {doc.digitalMailbox && (
                  <Paragraph data-size="sm" data-digital-mailbox={doc.digitalMailbox.mailbox}>
                    {text(lang, 'alsoInMailbox', {
                      mailbox: doc.digitalMailbox.mailbox,
                      date: formatDate(lang, doc.digitalMailbox.deliveredAt),
                    })}
                  </Paragraph>
                )}
                {!doc.downloadUrl && <Paragraph data-size="sm">{text(lang, 'notOpenable')}</Paragraph>}
              </Table.Cell>
              <Table.Cell>{doc.directionLabel}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
