/** Mine saker: every case across agencies and countries, and a banner for each agency not fully shown. */
import { Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { DashboardDocument, type DashboardQuery } from '../../../operations/generated/graphql.js';
import { AgencyBanners } from '../AgencyBanners.js';
import { errorCode, usePageQuery } from '../graph.js';
import { PageTop, StaleNotice } from '../layout.js';
import { useLanguage } from '../language.js';
import { casePath, PageLink, PATHS } from '../router.js';
import { formatDate, text } from '../texts.js';
import { LogIn } from './LogIn.js';

export function Dashboard() {
  const { lang, followLogin } = useLanguage();
  // Partial answers are answers: a case closed to the viewer refuses its timeline, the rest still shows.
  const { data, error, loading, refetch, stale } = usePageQuery(DashboardDocument, {
    variables: { first: 50 },
    // Coming back to the list shows what is cached at once, and asks what has changed meanwhile.
    fetchPolicy: 'cache-and-network',
  });
  const provider = data?.viewer.identityProvider;
  useEffect(() => {
    if (provider) followLogin(provider);
  }, [provider, followLogin]);

  if (errorCode(error) === 'UNAUTHENTICATED') return <LogIn />;
  if (loading && !data) return <Spinner aria-label={text(lang, 'loading')} data-size="lg" />;
  if (!data) return <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>;

  const { cases } = data;
  return (
    <section className="page">
      <StaleNotice stale={stale} />
      <PageTop>{text(lang, 'myCases')}</PageTop>
      {cases.nodes.some((node) => node.viewerRole === 'LAWYER') && (
        <Paragraph>
          <PageLink to={PATHS.overview}>{text(lang, 'overviewLink')}</PageLink>
        </Paragraph>
      )}
      <AgencyBanners statuses={cases.agencyStatuses} onChange={() => void refetch()} />
      <Paragraph data-size="sm">{text(lang, 'caseCount', { n: cases.totalCount })}</Paragraph>
      {cases.nodes.length === 0 ? (
        <Paragraph>{text(lang, 'noCases')}</Paragraph>
      ) : (
        <ul className="case-list">
          {cases.nodes.map((node) => (
            <li key={node.id}>
              <CaseCard node={node} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CaseCard({ node }: { node: DashboardQuery['cases']['nodes'][number] }) {
  const { lang } = useLanguage();
  const current = node.timeline?.find((step) => step.state === 'CURRENT');
  return (
    <Card data-case-id={node.id}>
      <Card.Block>
        <Heading level={2} data-size="sm">
          <PageLink to={casePath(node.id)}>{node.title}</PageLink>
        </Heading>
        <Paragraph data-size="sm">
          {node.agency.name} · {text(lang, 'caseNumber')} {node.caseNumber}
        </Paragraph>
        <div className="case-tags">
          <Tag data-color={node.status === 'CLOSED' || node.status === 'DECIDED' ? 'success' : 'info'}>
            {node.statusLabel}
          </Tag>
          {current && current.label !== node.statusLabel && <Tag data-color="neutral">{current.label}</Tag>}
        </div>
        {node.viewerAccess.message && <Paragraph data-size="sm">{node.viewerAccess.message}</Paragraph>}
        {node.expectedDecisionAt && (
          <Paragraph data-size="sm">
            {text(lang, 'expectedDecision')}: {formatDate(lang, node.expectedDecisionAt)}
          </Paragraph>
        )}
        {node.deadlines?.map((deadline) => (
          <Paragraph data-size="sm" key={`${deadline.kind}-${deadline.dueAt}`}>
            {deadline.label}: {formatDate(lang, deadline.dueAt)}
          </Paragraph>
        ))}
      </Card.Block>
    </Card>
  );
}
