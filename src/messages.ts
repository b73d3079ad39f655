/**
 * Every text a person can meet in an error or a refusal, in nb, nn, da and en: one table, so that a test
 * can walk it. `{name}` placeholders are filled by `say`.
 */
import { labelTable, type Lang } from './i18n.js';

export const MESSAGES = labelTable({
  UNKNOWN_OPERATION_ID: [
    'Ingen operasjon er registrert med denne id-en.',
    'Ingen operasjon er registrert med denne id-en.',
    'Der er ikke registreret nogen operation med dette id.',
    'No operation is registered under this id.',
  ],
  RETIRED_OPERATION_ID: [
    'Denne versjonen av siden er utdatert. Last inn siden på nytt.',
    'Denne versjonen av sida er utdatert. Last inn sida på nytt.',
    'Denne version af siden er forældet. Genindlæs siden.',
    'This version of the page is out of date. Reload the page.',
  ],
  OPERATION_NOT_REGISTERED: [
    'Her kjøres bare registrerte operasjoner: send operasjonens documentId.',
    'Her blir berre registrerte operasjonar køyrde: send documentId-en til operasjonen.',
    'Her køres kun registrerede operationer: send operationens documentId.',
    'Only registered operations are served here: send the operation’s documentId.',
  ],
  PREFLIGHT_REQUIRED: [
    'Forespørselen ble stoppet som mulig forfalskning på tvers av nettsteder (CSRF). Send den med Content-Type: application/json, eller med headeren apollo-require-preflight: true.',
    'Førespurnaden vart stoppa som mogleg forfalsking på tvers av nettstader (CSRF). Send han med Content-Type: application/json, eller med headeren apollo-require-preflight: true.',
    'Forespørgslen blev blokeret som mulig forfalskning på tværs af websteder (CSRF). Send den med Content-Type: application/json, eller med headeren apollo-require-preflight: true.',
    'The request was blocked as a possible cross-site request forgery (CSRF). Send it with Content-Type: application/json, or with the header apollo-require-preflight: true.',
  ],
  SUBSCRIPTION_TRANSPORT: [
    'Abonnementer sendes med POST og Accept: multipart/mixed;subscriptionSpec=1.0, som tekst-strøm (Accept: text/event-stream) eller til /graphql/stream.',
    'Abonnement blir sende med POST og Accept: multipart/mixed;subscriptionSpec=1.0, som tekst-straum (Accept: text/event-stream) eller til /graphql/stream.',
    'Abonnementer sendes med POST og Accept: multipart/mixed;subscriptionSpec=1.0, som tekststrøm (Accept: text/event-stream) eller til /graphql/stream.',
    'Subscriptions are served by POST with Accept: multipart/mixed;subscriptionSpec=1.0, as an event stream (Accept: text/event-stream) or at /graphql/stream.',
  ],
  LOGIN_ENDED: [
    'Innloggingen din er utløpt. Logg inn igjen for å følge sakene dine.',
    'Innlogginga di har gått ut. Logg inn igjen for å følgje sakene dine.',
    'Dit login er udløbet. Log ind igen for at følge dine sager.',
    'Your login has ended. Log in again to follow your cases.',
  ],
});

export type MessageKey = keyof typeof MESSAGES;

/** The message in the language, with its `{name}` placeholders filled. */
export function say(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
