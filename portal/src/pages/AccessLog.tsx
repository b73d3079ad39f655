/**
 * Hvem har sett opplysningene mine: every read and write of the person's cases and consents through the
 * portal — by them, and by anyone acting on their cases (a lawyer, a proxy, a guardian) — newest first,
 * with who, in what role, on what basis, and how it went; older entries a page at a time.
 */
import { Button, Card, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { AccessLogDocument } from '../../../operations/generated/graphql.js';
import { errorCode, usePageQuery } from '../graph.js';
import { PageTop, StaleNotice } from '../layout.js';
import { useLanguage } from '../language.js';
import { casePath, PageLink } from '../router.js';
import { formatDateTime, text } from '../texts.js';
import { LogIn } from './LogIn.js';

export function AccessLog() {
  const { lang } = useLanguage();
  const { data, error, loading, stale, fetchMore } = usePageQuery(AccessLogDocument, {
    fetchPolicy: 'cache-and-network',
  });
  if (errorCode(error) === 'UNAUTHENTICATED') return <LogIn />;
  if (loading && !data) return <Spinner aria-label={text(lang, 'loading')} data-size="lg" />;
  if (!data) return <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>;
  const { nodes, pageInfo } = data.viewer.accessLog;
  const more = () =>
    void fetchMore({
      variables: { after: pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        viewer: {
          ...fetchMoreResult.viewer,
          accessLog: {
            ...fetchMoreResult.viewer.accessLog,
            nodes: [...shown.viewer.accessLog.nodes, ...fetchMoreResult.viewer.accessLog.nodes],
          },
        },
      }),
    }).catch(() => undefined);

  return (
    <section className="page">
      <StaleNotice stale={stale} />
      <PageTop>{text(lang, 'accessLog')}</PageTop>
      <Paragraph>{text(lang, 'accessLogIntro')}</Paragraph>
      {nodes.length === 0 ? (
        <Paragraph>{text(lang, 'noAccessLog')}</Paragraph>
      ) : (
        <ul className="case-list">
          {nodes.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <Card data-access-entry={entry.action} data-by-viewer={entry.byViewer}>
                <Card.Block>
                  <Paragraph data-size="sm">
                    {formatDateTime(lang, entry.at)}{' '}
                    {entry.outcome !== 'GRANTED' && (
                      <Tag data-color="warning">
                        {text(lang, entry.outcome === 'DENIED' ? 'refused' : 'failed')}
                      </Tag>
                    )}
                  </Paragraph>
                  <Paragraph>
                    <strong>
                      {entry.byViewer
                        ? text(lang, 'youDid')
                        : [entry.actorName ?? text(lang, 'someone'), entry.actorRoleLabel]
                            .filter(Boolean)
                            .join(', ')}
                    </strong>
                    {': '}
                    {entry.actionLabel}
                  </Paragraph>
                  {entry.basisLabel && <Paragraph data-size="sm">{entry.basisLabel}</Paragraph>}
                  {entry.caseId && <PageLink to={casePath(entry.caseId)}>{text(lang, 'openCase')}</PageLink>}
                </Card.Block>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {pageInfo.hasNextPage && (
        <Button variant="secondary" onClick={more}>
          {text(lang, 'showOlder')}
        </Button>
      )}
    </section>
  );
}
