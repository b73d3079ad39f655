/** Consent at an agency, with the notification choice (on unless the person says otherwise). */
import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { GiveConsentDocument } from '../../operations/generated/graphql.js';
import { useLanguage } from './language.js';
import { text } from './texts.js';

export function ConsentForm({ agency, onGiven }: { agency: string; onGiven: () => void }) {
  const { lang } = useLanguage();
  const [notifications, setNotifications] = useState(true);
  const [give, { loading, data, error }] = useMutation(GiveConsentDocument);
  const refused = data?.giveConsent.errors[0];
  return (
    <form
      className="consent"
      onSubmit={(event) => {
        event.preventDefault();
        give({ variables: { input: { agency, notifications } } }).then(
          (result) => result.data?.giveConsent.consent && onGiven(),
          () => undefined, // shown below, from the hook's error
        );
      }}
    >
      <Checkbox
        label={text(lang, 'consentNotify')}
        checked={notifications}
        onChange={(event) => setNotifications(event.target.checked)}
      />
      <Button type="submit" loading={loading}>
        {text(lang, 'consentGive')}
      </Button>
      {refused && <Paragraph role="alert">{refused.message}</Paragraph>}
      {error && <Paragraph role="alert">{text(lang, 'somethingWrong')}</Paragraph>}
    </form>
  );
}
