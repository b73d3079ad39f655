/**
 * Saksoversikt: every case where the viewer is the lawyer, across agencies. The graph pages by recent
 * activity; what needs the lawyer's action comes from each case's deadlines and unread documents, so the
 * overview reads all of the lawyer's pages (100 at a time, one batched call per agency each), then filters
 * by status, sorts by what needs action and shows 20 at a time. The agency filter is the graph's own.
 */
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Field,
  Label,
  Link,
  Pagination,
  Paragraph,
  Select,
  Spinner,
  Table,
  usePagination,
} from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import {
  AgenciesDocument,
  LawyerOverviewDocument,
  type LawyerOverviewQuery,
} from '../../../operations/generated/graphql.js';
import { AgencyBanners } from '../AgencyBanners.js';
import { errorCode } from '../graph.js';
import { PageTop } from '../layout.js';
import { useLanguage } from '../language.js';
import { casePath, PageLink } from '../router.js';
import { formatDate, text } from '../texts.js';
import { LogIn } from './LogIn.js';

type Row = LawyerOverviewQuery['cases']['edges'][number]['node'];
type StatusFilter = 'ALL' | 'OPEN' | 'CLOSED';

const PAGE_SIZE = 20;
/** The graph's largest page; a lawyer with 250 cases is read in three. */
const FETCH_SIZE = 100;

const nextDeadline = (row: Row) => (row.deadlines ?? []).map((d) => d.dueAt).sort()[0] ?? null;

/** Deadlines first (the nearest first), then unread documents (the most first), then recent activity. */
function needsAction(a: Row, b: Row): number {
  const [da, db] = [nextDeadline(a), nextDeadline(b)];
  if (da !== db) return da === null ? 1 : db === null ? -1 : da.localeCompare(db);
  const unread = (b.unreadDocumentCount ?? 0) - (a.unreadDocumentCount ?? 0);
  return unread !== 0 ? unread : b.updatedAt.localeCompare(a.updatedAt);
}

const isClosed = (row: Row) => row.status === 'CLOSED';

export function LawyerOverview() {
  const { lang } = useLanguage();
  const [agency, setAgency] = useState<string>('');
  const [status, setStatus] = useState<StatusFilter>('OPEN');
  const [page, setPage] = useState(1);
  const agencies = useQuery(AgenciesDocument).data?.agencies ?? [];
  const { data, error, loading, fetchMore, refetch } = useQuery(LawyerOverviewDocument, {
    variables: { first: FETCH_SIZE, agencies: agency ? [agency] : null },
    errorPolicy: 'all',
    notifyOnNetworkStatusChange: true,
  });

  // Read the lawyer's further pages, one after the other, until the graph has no more. A page that fails
  // stops the reading (with a way to go on), never a loop of retries.
  const pageInfo = data?.cases.pageInfo;
  const [stalled, setStalled] = useState(false);
  const readOn = () => {
    if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return;
    fetchMore({
      variables: { after: pageInfo.endCursor },
      // A case closed to the lawyer refuses some of its fields: the rest of the page still counts.
      errorPolicy: 'all',
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        cases: {
          ...fetchMoreResult.cases,
          edges: [...previous.cases.edges, ...fetchMoreResult.cases.edges],
        },
      }),
    }).then(
      () => setStalled(false),
      () => setStalled(true),
    );
  };
  useEffect(() => {
    if (!loading && !stalled) readOn();
    // Read on when a page has arrived (readOn is a new function every render; the cursor says what changed).
  }, [loading, pageInfo?.endCursor]);

  const rows = useMemo(() => {
    const all = (data?.cases.edges ?? []).map((edge) => edge.node);
    return all.filter((row) => status === 'ALL' || (status === 'CLOSED') === isClosed(row)).sort(needsAction);
  }, [data, status]);
  const totalPages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, totalPages);
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: current,
    setCurrentPage: setPage,
    totalPages,
    showPages: 7,
  });

  if (errorCode(error) === 'UNAUTHENTICATED') return <LogIn />;
  const complete = data && !pageInfo?.hasNextPage;
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <section className="page">
      <PageTop>{text(lang, 'overview')}</PageTop>
      <Paragraph>{text(lang, 'overviewIntro')}</Paragraph>
      <div className="filters">
        <Field>
          <Label>{text(lang, 'agency')}</Label>
          <Select
            value={agency}
            onChange={(event) => {
              setAgency(event.target.value);
              setPage(1);
            }}
          >
            <Select.Option value="">{text(lang, 'allAgencies')}</Select.Option>
            {agencies.map((a) => (
              <Select.Option key={a.code} value={a.code}>
                {a.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{text(lang, 'status')}</Label>
          <Select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as StatusFilter);
              setPage(1);
            }}
          >
            <Select.Option value="OPEN">{text(lang, 'openCases')}</Select.Option>
            <Select.Option value="CLOSED">{text(lang, 'closedCases')}</Select.Option>
            <Select.Option value="ALL">{text(lang, 'allStatuses')}</Select.Option>
          </Select>
        </Field>
      </div>
      {data && <AgencyBanners statuses={data.cases.agencyStatuses} onChange={() => void refetch()} />}
      {stalled ? (
        <Alert data-color="warning">
          <Paragraph>{text(lang, 'somethingWrong')}</Paragraph>
          <Button variant="secondary" onClick={readOn}>
            {text(lang, 'tryAgain')}
          </Button>
        </Alert>
      ) : !complete ? (
        <Spinner aria-label={text(lang, 'loading')} data-size="lg" />
      ) : (
        <>
          <Paragraph role="status" data-count={rows.length}>
            {text(lang, 'showing', {
              from: rows.length === 0 ? 0 : (current - 1) * PAGE_SIZE + 1,
              to: Math.min(current * PAGE_SIZE, rows.length),
              n: rows.length,
            })}
          </Paragraph>
          <Table data-size="sm" className="overview">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{text(lang, 'case')}</Table.HeaderCell>
                <Table.HeaderCell>{text(lang, 'client')}</Table.HeaderCell>
                <Table.HeaderCell>{text(lang, 'status')}</Table.HeaderCell>
                <Table.HeaderCell>{text(lang, 'nextDeadline')}</Table.HeaderCell>
                <Table.HeaderCell>{text(lang, 'unreadDocuments')}</Table.HeaderCell>
                <Table.HeaderCell>{text(lang, 'caseFile')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((row) => {
                const due = nextDeadline(row);
                const party = row.participants?.find((p) => p.role === 'PARTY');
                return (
                  <Table.Row key={row.id} data-case-id={row.id} data-deadline={due ?? ''}>
                    <Table.Cell>
                      <PageLink to={casePath(row.id)}>{row.title}</PageLink>
                      <Paragraph data-size="sm">
                        {row.agency.name} · {row.caseNumber}
                      </Paragraph>
                      {row.viewerAccess.message && (
                        <Paragraph data-size="sm">{row.viewerAccess.message}</Paragraph>
                      )}
                    </Table.Cell>
                    <Table.Cell>{party?.name ?? ''}</Table.Cell>
                    <Table.Cell>{row.statusLabel}</Table.Cell>
                    <Table.Cell>{due ? formatDate(lang, due) : ''}</Table.Cell>
                    <Table.Cell data-unread={row.unreadDocumentCount ?? 0}>
                      {row.unreadDocumentCount ?? ''}
                    </Table.Cell>
                    <Table.Cell>
                      {row.caseFileUrl && (
                        <Link
                          href={row.caseFileUrl}
                          aria-label={`ZIP: ${text(lang, 'caseFile')} ${row.caseNumber}`}
                        >
                          ZIP
                        </Link>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
          {totalPages > 1 && (
            <Pagination aria-label={text(lang, 'pages')}>
              <Pagination.List>
                <Pagination.Item>
                  <Pagination.Button aria-label={text(lang, 'previous')} {...prevButtonProps}>
                    {text(lang, 'previous')}
                  </Pagination.Button>
                </Pagination.Item>
                {pages.map(({ page: n, itemKey, buttonProps }) => (
                  <Pagination.Item key={itemKey}>
                    {typeof n === 'number' && (
                      <Pagination.Button aria-label={text(lang, 'page', { n })} {...buttonProps}>
                        {n}
                      </Pagination.Button>
                    )}
                  </Pagination.Item>
                ))}
                <Pagination.Item>
                  <Pagination.Button aria-label={text(lang, 'next')} {...nextButtonProps}>
                    {text(lang, 'next')}
                  </Pagination.Button>
                </Pagination.Item>
              </Pagination.List>
            </Pagination>
          )}
        </>
      )}
    </section>
  );
}
