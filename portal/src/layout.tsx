/** What every page has: a skip link, the portal's name, the language switch, and (logged in) log out. */
import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Field, Heading, Label, Select, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { INBOX, logoutUrl } from './graph.js';
import { LiveUpdates } from './Live.js';
import { useLanguage } from './language.js';
import { hasNavigated, PageLink, PATHS, usePath } from './router.js';
import { LANGS, text, type Lang } from './texts.js';

export function Layout({ children }: { children: ReactNode }) {
  const { lang, choose } = useLanguage();
  const path = usePath();
  // The inbox tells whether someone is logged in (it is refused otherwise) and how much is unread.
  const inbox = useQuery(INBOX.query, { variables: INBOX.variables, errorPolicy: 'all' });
  const unread = inbox.data?.viewer.notifications.unreadCount;
  const loggedIn = unread !== undefined;
  return (
    <>
      <SkipLink href="#main">{text(lang, 'skipToContent')}</SkipLink>
      <header className="portal-header">
        <span className="portal-name">{text(lang, 'appName')}</span>
        <nav aria-label={text(lang, 'mainNavigation')} className="portal-nav">
          <PageLink to={PATHS.cases} current={path === PATHS.cases}>
            {text(lang, 'myCases')}
          </PageLink>
          <PageLink to={PATHS.notifications} current={path === PATHS.notifications}>
            {text(lang, 'notifications')}
            {unread ? (
              <Badge
                count={unread}
                data-color="danger"
                aria-label={text(lang, 'unreadCount', { n: unread })}
                data-unread={unread}
              />
            ) : null}
          </PageLink>
          <PageLink to={PATHS.consents} current={path === PATHS.consents}>
            {text(lang, 'consents')}
          </PageLink>
          <PageLink to={PATHS.accessLog} current={path === PATHS.accessLog}>
            {text(lang, 'accessLog')}
          </PageLink>
        </nav>
        <Field className="portal-language">
          <Label>{text(lang, 'language')}</Label>
          <Select value={lang} onChange={(event) => choose(event.target.value as Lang)}>
            {LANGS.map((code) => (
              <Select.Option key={code} value={code} lang={code}>
                {text(code, 'languageName')}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </header>
      <main id="main" className="portal-main">
        {loggedIn && <LiveUpdates />}
        {children}
      </main>
    </>
  );
}

/** A page's heading, which takes the focus when the person moves to its page, so that a screen reader starts there. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}

/** Said when asking the graph again failed and the page shows what it had. */
export function StaleNotice({ stale }: { stale: boolean }) {
  const { lang } = useLanguage();
  return stale ? (
    <Alert data-color="warning" data-stale>
      {text(lang, 'staleNotice')}
    </Alert>
  ) : null;
}

/** The top of a page of the logged-in portal: its heading, and the way out. */
export function PageTop({ children }: { children: ReactNode }) {
  return (
    <div className="page-top">
      <PageHeading>{children}</PageHeading>
      <LogOut />
    </div>
  );
}

/** Logging out is a form post to the gateway, which ends the session here and at the provider. */
export function LogOut() {
  const { lang } = useLanguage();
  return (
    <form method="post" action={logoutUrl()} className="portal-logout">
      <Button type="submit" variant="secondary" data-size="sm">
        {text(lang, 'logOut')}
      </Button>
    </form>
  );
}
