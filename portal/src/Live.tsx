/**
 * What happens in the person's cases while the portal is open (the `caseEvents` subscription, over Apollo
 * Client's multipart HTTP): said in a live region, and the open page asks the graph again, so the timeline,
 * the documents and the unread count move without a reload.
 */
import { useSubscription } from '@apollo/client/react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { CaseEventsDocument, type CaseEventsSubscription } from '../../operations/generated/graphql.js';
import { errorCode } from './graph.js';
import { useLanguage } from './language.js';
import { casePath, PageLink } from './router.js';
import { text } from './texts.js';

type CaseEvent = CaseEventsSubscription['caseEvents'];

const REOPEN_AFTER_MS = 5_000;

export function LiveUpdates() {
  const { lang } = useLanguage();
  const [latest, setLatest] = useState<CaseEvent | null>(null);
  const reopen = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A stream that ends (a gateway restarting, a network change) is opened again after a pause; one that
  // ends because the login did (UNAUTHENTICATED) is not: the next page view asks the person to log in.
  const again = () => {
    clearTimeout(reopen.current);
    reopen.current = setTimeout(() => subscription.restart(), REOPEN_AFTER_MS);
  };
  const subscription = useSubscription(CaseEventsDocument, {
    onData: ({ client, data }) => {
      const event = data.data?.caseEvents;
      if (!event) return;
      setLatest(event);
      void client.refetchQueries({ include: 'active' });
    },
    onComplete: again,
    onError: (error) => {
      if (errorCode(error) !== 'UNAUTHENTICATED') again();
    },
  });
  useEffect(() => () => clearTimeout(reopen.current), []);
  // The live region is on the page before anything is said in it, so that screen readers announce it.
  return (
    <div aria-live="polite" className="live-news">
      {latest && (
        <Alert data-color="info" data-live-event={latest.kind}>
          <Paragraph>
            <strong>{text(lang, 'liveNews')}</strong> — {latest.agency.name}: {latest.message}
          </Paragraph>
          <PageLink to={casePath(latest.caseId)}>{text(lang, 'openCase')}</PageLink>
        </Alert>
      )}
    </div>
  );
}
