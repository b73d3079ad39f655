import { Button, Paragraph } from '@digdir/designsystemet-react';
import { loginUrl } from '../graph.js';
import { PageHeading } from '../layout.js';
import { useLanguage } from '../language.js';
import { text } from '../texts.js';

/** Shown for any page while nobody is logged in; the login comes back to the same page. */
export function LogIn() {
  const { lang } = useLanguage();
  return (
    <section className="page">
      <PageHeading>{text(lang, 'logIn')}</PageHeading>
      <Paragraph>{text(lang, 'logInIntro')}</Paragraph>
      <div className="login-choices">
        <Button asChild>
          <a href={loginUrl('idporten')}>{text(lang, 'logInIdporten')}</a>
        </Button>
        <Button asChild variant="secondary">
          <a href={loginUrl('mitid')}>{text(lang, 'logInMitid')}</a>
        </Button>
      </div>
    </section>
  );
}
