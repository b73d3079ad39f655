/** Varsler: what has happened in the person's cases, newest first, unread marked, to mark as read. */
import { useMutation } from '@apollo/client/react';
import { Button, Card, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { MarkNotificationsReadDocument } from '../../../operations/generated/graphql.js';
import { errorCode, INBOX, usePageQuery } from '../graph.js';
import { PageTop, StaleNotice } from '../layout.js';
import { useLanguage } from '../language.js';
import { casePath, PageLink } from '../router.js';
import { formatDate, text } from '../texts.js';
import { LogIn } from './LogIn.js';

export function Notifications() {
  const { lang } = useLanguage();
  const { data, error, loading, stale } = usePageQuery(INBOX.query, {
    variables: INBOX.variables,
    fetchPolicy: 'cache-and-network',
  });
  const [mark, marking] = useMutation(MarkNotificationsReadDocument, { refetchQueries: [INBOX] });
  if (errorCode(error) === 'UNAUTHENTICATED') return <LogIn />;
  if (loading && !data) return <Spinner aria-label={text(lang, 'loading')} data-size="lg" />;
  if (!data) return <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>;
  const { nodes, unreadCount } = data.viewer.notifications;
  const markRead = (input: { ids: string[] } | { all: true }) =>
    void mark({ variables: { input } }).catch(() => undefined);

  return (
    <section className="page">
      <StaleNotice stale={stale} />
      <PageTop>{text(lang, 'notifications')}</PageTop>
      <div className="page-top">
        <Paragraph data-unread={unreadCount}>{text(lang, 'unreadCount', { n: unreadCount })}</Paragraph>
        {unreadCount > 0 && (
          <Button variant="secondary" loading={marking.loading} onClick={() => markRead({ all: true })}>
            {text(lang, 'markAllRead')}
          </Button>
        )}
      </div>
      {marking.error && <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>}
      {nodes.length === 0 ? (
        <Paragraph>{text(lang, 'noNotifications')}</Paragraph>
      ) : (
        <ul className="case-list">
          {nodes.map((note) => (
            <li key={note.id}>
              <Card data-notification={note.id} data-read={note.read}>
                <Card.Block>
                  <Paragraph data-size="sm">
                    {note.agency.name} · {formatDate(lang, note.occurredAt)}{' '}
                    {!note.read && <Tag data-color="warning">{text(lang, 'unread')}</Tag>}
                  </Paragraph>
                  <Paragraph>{note.message}</Paragraph>
                  <div className="case-tags">
                    <PageLink to={casePath(note.caseId)}>{text(lang, 'openCase')}</PageLink>
                    {!note.read && (
                      <Button variant="tertiary" data-size="sm" onClick={() => markRead({ ids: [note.id] })}>
                        {text(lang, 'markRead')}
                      </Button>
                    )}
                  </div>
                </Card.Block>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
