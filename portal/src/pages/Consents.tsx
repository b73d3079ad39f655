/**
 * Samtykker: where the person stands at each agency that asks for consent — since when, whether they are
 * notified — to change the notification choice, withdraw, or give consent again.
 */
import { useMutation } from '@apollo/client/react';
import { Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import {
  ConsentsDocument,
  GiveConsentDocument,
  WithdrawConsentDocument,
  type ConsentsQuery,
} from '../../../operations/generated/graphql.js';
import { ConsentForm } from '../ConsentForm.js';
import { errorCode, usePageQuery } from '../graph.js';
import { PageTop, StaleNotice } from '../layout.js';
import { useLanguage } from '../language.js';
import { formatDate, text } from '../texts.js';
import { LogIn } from './LogIn.js';

type Consent = ConsentsQuery['viewer']['consents'][number];

export function Consents() {
  const { lang } = useLanguage();
  const { data, error, loading, refetch, stale } = usePageQuery(ConsentsDocument);
  if (errorCode(error) === 'UNAUTHENTICATED') return <LogIn />;
  if (loading && !data) return <Spinner aria-label={text(lang, 'loading')} data-size="lg" />;
  if (!data) return <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>;
  const consents = data.viewer.consents;
  return (
    <section className="page">
      <StaleNotice stale={stale} />
      <PageTop>{text(lang, 'consents')}</PageTop>
      <Paragraph>{text(lang, 'consentsIntro')}</Paragraph>
      {consents.length === 0 && <Paragraph>{text(lang, 'noConsents')}</Paragraph>}
      {consents.map((consent) => (
        <AgencyConsent key={consent.agency.code} consent={consent} onChange={() => void refetch()} />
      ))}
    </section>
  );
}

function AgencyConsent({ consent, onChange }: { consent: Consent; onChange: () => void }) {
  const { lang } = useLanguage();
  const [withdraw, withdrawn] = useMutation(WithdrawConsentDocument);
  const [give, given] = useMutation(GiveConsentDocument);
  const [said, setSaid] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const agency = consent.agency.code;
  const refused = withdrawn.data?.withdrawConsent.errors[0] ?? given.data?.giveConsent.errors[0];
  const failed = withdrawn.error ?? given.error;

  // After a change, the person hears what it did, and the focus stays where they are reading.
  const done = (message: string) => {
    setSaid(message);
    onChange();
    requestAnimationFrame(() => status.current?.focus());
  };
  const setNotifications = (notifications: boolean) =>
    give({ variables: { input: { agency, notifications } } }).then(
      (result) => result.data?.giveConsent.consent && done(text(lang, 'consentSaved')),
      () => undefined,
    );

  return (
    <Card data-consent={agency} data-portal={consent.portal}>
      <Card.Block>
        <Heading level={2} data-size="sm">
          {consent.agency.name}
        </Heading>
        {consent.portal ? (
          <>
            {consent.givenAt && (
              <Paragraph>
                {text(lang, 'consentGivenAt', { date: formatDate(lang, consent.givenAt) })}
              </Paragraph>
            )}
            <Paragraph>
              {text(lang, consent.notifications ? 'notificationsOn' : 'notificationsOff')}
            </Paragraph>
            <div className="case-tags">
              <Button
                variant="secondary"
                loading={given.loading}
                onClick={() => void setNotifications(!consent.notifications)}
              >
                {text(lang, consent.notifications ? 'notificationsStop' : 'notificationsStart')}
              </Button>
              <Button
                variant="secondary"
                data-color="danger"
                loading={withdrawn.loading}
                onClick={() =>
                  void withdraw({ variables: { input: { agency } } }).then(
                    (result) =>
                      result.data?.withdrawConsent.consent &&
                      done(text(lang, 'consentWithdrawn', { agency: consent.agency.name })),
                    () => undefined,
                  )
                }
              >
                {text(lang, 'consentWithdraw')}
              </Button>
            </div>
          </>
        ) : (
          <>
            {consent.withdrawnAt && (
              <Paragraph>
                {text(lang, 'consentWithdrawnAt', { date: formatDate(lang, consent.withdrawnAt) })}
              </Paragraph>
            )}
            <ConsentForm agency={agency} onGiven={() => done(text(lang, 'consentSaved'))} />
          </>
        )}
        <Paragraph role="status" ref={status} tabIndex={-1}>
          {said}
        </Paragraph>
        {refused && <Paragraph role="alert">{refused.message}</Paragraph>}
        {failed && <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>}
      </Card.Block>
    </Card>
  );
}
