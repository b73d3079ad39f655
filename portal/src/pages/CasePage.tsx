/**
 * One case: where it stands on its timeline, what is asked of the person now, related cases at other
 * agencies, and who is on it as far as the viewer may see.
 */
import { Alert, Heading, List, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { CasePageDocument, type CasePageQuery } from '../../../operations/generated/graphql.js';
import { errorCode, errorText, usePageQuery } from '../graph.js';
import { LogOut, PageHeading, StaleNotice } from '../layout.js';
import { useLanguage } from '../language.js';
import { casePath, PageLink, PATHS } from '../router.js';
import { formatDate, text } from '../texts.js';
import { CaseForm } from '../case/CaseForm.js';
import { Documents } from '../case/Documents.js';
import { SendInformation } from '../case/SendInformation.js';
import { Submissions } from '../case/Submissions.js';
import { Timeline } from '../Timeline.js';
import { LogIn } from './LogIn.js';

export function CasePage({ id }: { id: string }) {
  const { lang } = useLanguage();
  const { data, error, loading, stale } = usePageQuery(CasePageDocument, { variables: { id } });
  // Forms sent from this page: confirmed here, since the agency stops asking for a form it has.
  const [sentForms, setSentForms] = useState<{ code: string; title: string }[]>([]);
  const code = errorCode(error);
  if (code === 'UNAUTHENTICATED') return <LogIn />;
  if (loading && !data) return <Spinner aria-label={text(lang, 'loading')} data-size="lg" />;
  const found = data?.case;
  if (!found)
    return (
      <section className="page">
        <PageLink to={PATHS.cases}>{text(lang, 'backToCases')}</PageLink>
        <PageHeading>
          {code === 'NOT_FOUND' ? text(lang, 'notFound') : text(lang, 'somethingWrong')}
        </PageHeading>
        {error && code !== 'NOT_FOUND' && <Paragraph role="alert">{errorText(error, lang)}</Paragraph>}
      </section>
    );

  return (
    <article className="page" data-case-number={found.caseNumber}>
      <div className="page-top">
        <PageLink to={PATHS.cases}>{text(lang, 'backToCases')}</PageLink>
        <LogOut />
      </div>
      <StaleNotice stale={stale} />
      <PageHeading>{found.title}</PageHeading>
      <Paragraph>
        {found.agency.name} · {text(lang, 'caseNumber')} {found.caseNumber} · {found.caseType.label}
      </Paragraph>
      {found.firstInstance && (
        <Paragraph data-first-instance>
          {text(lang, 'appealOfDecisionBy', { body: found.firstInstance })}
        </Paragraph>
      )}
      <div className="case-tags">
        <Tag data-color="info">{found.statusLabel}</Tag>
      </div>
      {found.viewerAccess.message && <Alert data-color="info">{found.viewerAccess.message}</Alert>}

      {found.deadlines && found.deadlines.length > 0 && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'deadlines')}
          </Heading>
          <List.Unordered>
            {found.deadlines.map((deadline) => (
              <List.Item key={`${deadline.kind}-${deadline.dueAt}`}>
                {deadline.label}: {formatDate(lang, deadline.dueAt)}
                {deadline.document ? ` (${deadline.document.title})` : ''}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}

      {found.timeline && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'timeline')}
          </Heading>
          <Timeline steps={found.timeline} label={text(lang, 'timeline')} />
          {found.expectedDecisionAt && (
            <Paragraph>
              {text(lang, 'expectedDecision')}: {formatDate(lang, found.expectedDecisionAt)}
            </Paragraph>
          )}
        </section>
      )}

      {found.outcome && found.appeal && (
        <section data-appeal-state={found.appeal.state}>
          <Heading level={2} data-size="sm">
            {text(lang, 'decision')}
          </Heading>
          <Paragraph>
            {found.outcome.label} ·{' '}
            {text(lang, 'decidedOn', { date: formatDate(lang, found.appeal.decidedOn) })}
          </Paragraph>
          <AppealNotice appeal={found.appeal} />
        </section>
      )}

      {sentForms.map((form) => (
        <Alert key={form.code} data-color="success" role="status" data-form-sent={form.code}>
          {form.title}: {text(lang, 'sentOk')}
        </Alert>
      ))}
      {found.forms && found.forms.length > 0 && found.viewerCan.fillForms && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'forms')}
          </Heading>
          {found.forms.map((form) => (
            <CaseForm
              key={form.id}
              caseId={found.id}
              form={form}
              onSent={() => setSentForms((all) => [...all, { code: form.code, title: form.title }])}
            />
          ))}
        </section>
      )}

      {found.viewerCan.seeDocuments && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'documents')}
          </Heading>
          <Documents caseId={found.id} />
        </section>
      )}

      {found.submissions && found.submissions.length > 0 && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'sent')}
          </Heading>
          <Submissions submissions={found.submissions} />
        </section>
      )}

      {found.viewerCan.submitInformation && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'sendInformation')}
          </Heading>
          <SendInformation caseId={found.id} />
        </section>
      )}

      {found.relatedCases && found.relatedCases.length > 0 && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'relatedCases')}
          </Heading>
          <List.Unordered>
            {found.relatedCases.map((related) => (
              <List.Item key={related.id}>
                <PageLink to={casePath(related.id)}>{related.title}</PageLink> — {related.agency.name},{' '}
                {related.statusLabel}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}

      {found.participants && found.participants.length > 0 && (
        <section>
          <Heading level={2} data-size="sm">
            {text(lang, 'people')}
          </Heading>
          <List.Unordered>
            {found.participants.map((person, index) => (
              <List.Item key={`${person.role}-${index}`}>
                {person.roleLabel}: {person.name ?? person.organisation ?? ''}
                {person.isViewer ? ` (${text(lang, 'you')})` : ''}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}
    </article>
  );
}

type Appeal = NonNullable<NonNullable<CasePageQuery['case']>['appeal']>;

/** What can follow the decision: the deadline while an appeal is open, where it goes and how. */
function AppealNotice({ appeal }: { appeal: Appeal }) {
  const { lang } = useLanguage();
  const date = appeal.deadline ? formatDate(lang, appeal.deadline) : '';
  const status =
    appeal.state === 'OPEN'
      ? text(lang, 'appealOpen', { body: appeal.body ?? '', date })
      : appeal.state === 'APPEALED'
        ? text(lang, 'appealed')
        : appeal.state === 'DEADLINE_PASSED'
          ? text(lang, 'appealDeadlinePassed', { date })
          : appeal.deadline
            ? text(lang, 'courtDeadline', { date })
            : null;
  return (
    <>
      {status && (
        <Alert data-color={appeal.possible ? 'warning' : 'info'} data-appeal-status>
          {status}
        </Alert>
      )}
      {appeal.state !== 'APPEALED' && <Paragraph data-appeal-how>{appeal.howTo}</Paragraph>}
    </>
  );
}
