/**
 * Every text a person can meet in an error, a refusal or a status, in nb, nn, da and en: one table, so that
 * a test can walk it. `{name}` placeholders are filled by `say`.
 */
import { COMMON_LABELS, labelTable, type Lang } from './i18n.js';

export const MESSAGES = labelTable({
  // Registered operations and transports (operation-admission.ts, events/).
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
  STREAM_LIMIT: [
    'Du kan ha høyst {limit} direkteoppdateringer åpne samtidig. Lukk en av dem først.',
    'Du kan ha høgst {limit} direkteoppdateringar opne samtidig. Lukk ei av dei først.',
    'Du kan højst have {limit} liveopdateringer åbne ad gangen. Luk en af dem først.',
    'At most {limit} live-update streams can be open at once. Close one first.',
  ],

  // Login (server.ts, auth/).
  LOG_IN: [
    'Logg inn for å se sakene dine.',
    'Logg inn for å sjå sakene dine.',
    'Log ind for at se dine sager.',
    'Log in to see your cases.',
  ],
  SESSION_ENDED: [
    'Økten din er avsluttet. Logg inn igjen.',
    'Økta di er avslutta. Logg inn igjen.',
    'Din session er afsluttet. Log ind igen.',
    'Your session has ended. Log in again.',
  ],
  LOGIN_ENDED: [
    'Innloggingen din er utløpt. Logg inn igjen for å følge sakene dine.',
    'Innlogginga di har gått ut. Logg inn igjen for å følgje sakene dine.',
    'Dit login er udløbet. Log ind igen for at følge dine sager.',
    'Your login has ended. Log in again to follow your cases.',
  ],
  LOGIN_NOT_ACCEPTED: [
    'Innloggingen kunne ikke bekreftes. Logg inn på nytt.',
    'Innlogginga kunne ikkje stadfestast. Logg inn på nytt.',
    'Dit login kunne ikke bekræftes. Log ind igen.',
    'The login could not be verified. Log in again.',
  ],
  LOGIN_WITHOUT_ID: [
    'Innloggingen inneholder ikke noe fødselsnummer eller CPR-nummer, som trengs for å finne sakene dine.',
    'Innlogginga inneheld ikkje noko fødselsnummer eller CPR-nummer, som trengst for å finne sakene dine.',
    'Dit login indeholder intet CPR-nummer eller norsk fødselsnummer, som er nødvendigt for at finde dine sager.',
    'The login carries no national identity number (fødselsnummer or CPR number), which is needed to find your cases.',
  ],
  LOGIN_ASSURANCE_TOO_LOW: [
    'Innloggingen har for lavt sikkerhetsnivå. Logg inn med en sikrere metode, for eksempel BankID.',
    'Innlogginga har for lågt tryggleiksnivå. Logg inn med ein sikrare metode, til dømes BankID.',
    'Dit login har for lavt sikringsniveau. Log ind med en stærkere metode, for eksempel MitID med app.',
    'The login’s assurance level is too low. Log in with a stronger method, such as BankID or the MitID app.',
  ],
  LOGIN_UNCHECKABLE: [
    'Innloggingstjenesten svarer ikke akkurat nå. Prøv igjen om litt.',
    'Innloggingstenesta svarar ikkje akkurat no. Prøv igjen om litt.',
    'Login-tjenesten svarer ikke lige nu. Prøv igen om lidt.',
    'The login service is not answering right now. Please try again shortly.',
  ],
  LOGIN_STORE_UNAVAILABLE: [
    'Innlogging er midlertidig utilgjengelig. Prøv igjen om litt.',
    'Innlogging er mellombels utilgjengeleg. Prøv igjen om litt.',
    'Login er midlertidigt utilgængeligt. Prøv igen om lidt.',
    'Logging in is temporarily unavailable. Please try again shortly.',
  ],
  LOGIN_ATTEMPT_EXPIRED: [
    'Innloggingen er utløpt eller ble startet i en annen nettleser. Prøv igjen.',
    'Innlogginga har gått ut eller vart starta i ein annan nettlesar. Prøv igjen.',
    'Login er udløbet eller blev startet i en anden browser. Prøv igen.',
    'The login has expired or was started in another browser. Please try again.',
  ],
  LOGIN_CANCELLED: [
    'Innloggingen ble avbrutt.',
    'Innlogginga vart avbroten.',
    'Login blev afbrudt.',
    'The login was cancelled.',
  ],
  LOGGED_OUT: ['Du er logget ut.', 'Du er logga ut.', 'Du er logget ud.', 'You are logged out.'],
  TOO_MANY_LOGIN_ATTEMPTS: [
    'For mange innloggingsforsøk herfra. Vent et minutt og prøv igjen.',
    'For mange innloggingsforsøk herifrå. Vent eitt minutt og prøv igjen.',
    'For mange loginforsøg herfra. Vent et minut og prøv igen.',
    'Too many login attempts from here. Wait a minute and try again.',
  ],
  UNKNOWN_LOGIN_PROVIDER: [
    'Velg innlogging med ID-porten (idp=idporten) eller MitID (idp=mitid).',
    'Vel innlogging med ID-porten (idp=idporten) eller MitID (idp=mitid).',
    'Vælg login med ID-porten (idp=idporten) eller MitID (idp=mitid).',
    'Choose to log in with ID-porten (idp=idporten) or MitID (idp=mitid).',
  ],

  // The graph's own errors.
  RATE_LIMITED: [
    'For mange forespørsler. Prøv igjen om {seconds} sekunder.',
    'For mange førespurnader. Prøv igjen om {seconds} sekund.',
    'For mange forespørgsler. Prøv igen om {seconds} sekunder.',
    'Too many requests. Try again in {seconds} seconds.',
  ],
  STORE_UNAVAILABLE: [
    'Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.',
    'Tenesta er ikkje tilgjengeleg akkurat no. Prøv igjen om litt.',
    'Tjenesten er ikke tilgængelig lige nu. Prøv igen om lidt.',
    'The service is not available just now. Please try again shortly.',
  ],
  INTERNAL: [
    'Noe gikk galt hos oss. Prøv igjen senere.',
    'Noko gjekk gale hos oss. Prøv igjen seinare.',
    'Noget gik galt hos os. Prøv igen senere.',
    'Something went wrong on our side. Please try again later.',
  ],
  CASE_NOT_FOUND: [
    'Vi fant ingen slik sak.',
    'Vi fann inga slik sak.',
    'Vi fandt ingen sådan sag.',
    'No such case.',
  ],
  CONSENT_FIRST: [
    'Du må samtykke før du kan se sakene dine hos {agency}.',
    'Du må samtykkje før du kan sjå sakene dine hos {agency}.',
    'Du skal give samtykke, før du kan se dine sager hos {agency}.',
    'Consent first to see your cases at {agency}.',
  ],
  NOT_ELIGIBLE: [
    'Du kan ikke følge saker hos {agency} her.',
    'Du kan ikkje følgje saker hos {agency} her.',
    'Du kan ikke følge sager hos {agency} her.',
    'You may not follow cases at {agency} here.',
  ],
  AGENCY_UNAVAILABLE: [
    '{agency} svarer ikke akkurat nå. Prøv igjen senere.',
    '{agency} svarar ikkje akkurat no. Prøv igjen seinare.',
    '{agency} svarer ikke lige nu. Prøv igen senere.',
    '{agency} is not answering right now. Please try again later.',
  ],
  AGENCY_UNAVAILABLE_NOTHING_CHANGED: [
    '{agency} svarer ikke akkurat nå, så ingenting ble endret. Prøv igjen senere.',
    '{agency} svarar ikkje akkurat no, så ingenting vart endra. Prøv igjen seinare.',
    '{agency} svarer ikke lige nu, så intet blev ændret. Prøv igen senere.',
    '{agency} is not answering right now, so nothing was changed. Please try again later.',
  ],
  PAGE_SIZE: [
    'Velg mellom 1 og {max} saker per side.',
    'Vel mellom 1 og {max} saker per side.',
    'Vælg mellem 1 og {max} sager pr. side.',
    'Choose between 1 and {max} cases per page.',
  ],
  CURSOR_INVALID: [
    'Sidemerket er ikke gyldig. Begynn på nytt fra første side.',
    'Sidemerket er ikkje gyldig. Byrj på nytt frå første side.',
    'Sidemarkøren er ikke gyldig. Begynd forfra på første side.',
    'The cursor is not valid; start again from the first page.',
  ],
  DOCUMENTS_FORBIDDEN: [
    'Du har ikke tilgang til dokumentene i denne saken.',
    'Du har ikkje tilgang til dokumenta i denne saka.',
    'Du har ikke adgang til dokumenterne i denne sag.',
    'You may not see the documents of this case.',
  ],
  FIELD_FORBIDDEN: [
    'Du har ikke tilgang til denne opplysningen her ({field}).',
    'Du har ikkje tilgang til denne opplysninga her ({field}).',
    'Du har ikke adgang til denne oplysning her ({field}).',
    'You may not see this information here ({field}).',
  ],
  CASE_FILE_SIZE: [
    'Velg mellom 1 og 100 dokumenter, eller ingen for å få alle.',
    'Vel mellom 1 og 100 dokument, eller ingen for å få alle.',
    'Vælg mellem 1 og 100 dokumenter, eller ingen for at få dem alle.',
    'Choose between 1 and 100 documents, or none for all.',
  ],

  // Mutations' user errors.
  BAD_IDEMPOTENCY_KEY: [
    'Idempotensnøkkelen må ha 8–100 tegn: bokstaver, sifre, - eller _.',
    'Idempotensnøkkelen må ha 8–100 teikn: bokstavar, siffer, - eller _.',
    'Idempotensnøglen skal have 8–100 tegn: bogstaver, cifre, - eller _.',
    'The idempotency key must be 8–100 letters, digits, - or _.',
  ],
  SUBMISSION_FAILED: [
    'Det du sendte {sentAt} kom ikke fram til {agency}, og vi har sluttet å prøve. Send det på nytt fra saken, eller kontakt {agency}.',
    'Det du sende {sentAt} kom ikkje fram til {agency}, og vi har slutta å prøve. Send det på nytt frå saka, eller kontakt {agency}.',
    'Det, du sendte {sentAt}, nåede ikke frem til {agency}, og vi har opgivet at sende det. Send det igen fra sagen, eller kontakt {agency}.',
    'What you sent on {sentAt} did not reach {agency}, and we have stopped trying. Send it again from the case, or contact {agency}.',
  ],
  SUBMISSION_FAILED_NOT_ALLOWED: [
    'Det du sendte {sentAt} ble ikke levert til {agency}: du kan ikke lenger sende opplysninger i denne saken. Kontakt {agency} om du fortsatt vil sende det.',
    'Det du sende {sentAt} vart ikkje levert til {agency}: du kan ikkje lenger sende opplysningar i denne saka. Kontakt {agency} om du framleis vil sende det.',
    'Det, du sendte {sentAt}, blev ikke leveret til {agency}: du kan ikke længere sende oplysninger i denne sag. Kontakt {agency}, hvis du stadig vil sende det.',
    'What you sent on {sentAt} was not delivered to {agency}: you may no longer send information in this case. Contact {agency} if you still want to send it.',
  ],
  IDEMPOTENCY_KEY_REUSED: [
    'Denne idempotensnøkkelen er allerede brukt til en annen innsending.',
    'Denne idempotensnøkkelen er alt brukt til ei anna innsending.',
    'Denne idempotensnøgle er allerede brugt til en anden indsendelse.',
    'This idempotency key was used for another submission.',
  ],
  MESSAGE_LENGTH: [
    'Skriv mellom 1 og {max} tegn.',
    'Skriv mellom 1 og {max} teikn.',
    'Skriv mellem 1 og {max} tegn.',
    'Write between 1 and {max} characters.',
  ],
  TOO_MANY_ATTACHMENTS: [
    'Du kan legge ved høyst {max} vedlegg.',
    'Du kan leggje ved høgst {max} vedlegg.',
    'Du kan højst vedhæfte {max} bilag.',
    'At most {max} attachments.',
  ],
  ATTACHMENT_NOT_UPLOADED: [
    'Et vedlegg er ikke lastet opp til denne saken.',
    'Eit vedlegg er ikkje lasta opp til denne saka.',
    'Et bilag er ikke uploadet til denne sag.',
    'An attachment has not been uploaded to this case.',
  ],
  CANNOT_SEND_INFORMATION: [
    'Du kan ikke sende opplysninger i denne saken.',
    'Du kan ikkje sende opplysningar i denne saka.',
    'Du kan ikke sende oplysninger i denne sag.',
    'You cannot send information in this case.',
  ],
  CANNOT_FILL_FORMS: [
    'Du kan ikke fylle ut skjemaer i denne saken.',
    'Du kan ikkje fylle ut skjema i denne saka.',
    'Du kan ikke udfylde skemaer i denne sag.',
    'You cannot fill in forms in this case.',
  ],
  FORM_NOT_AWAITED: [
    'Saken venter ikke på dette skjemaet.',
    'Saka ventar ikkje på dette skjemaet.',
    'Sagen afventer ikke dette skema.',
    'The case does not await this form.',
  ],
  CONSENT_NOT_ASKED: [
    '{agency} ber ikke om samtykke.',
    '{agency} ber ikkje om samtykke.',
    '{agency} beder ikke om samtykke.',
    '{agency} does not ask for consent.',
  ],
  NOTIFICATIONS_NONE_NAMED: [
    'Velg hvilke varsler som skal merkes som lest, eller velg alle.',
    'Vel kva varsel som skal merkjast som lesne, eller vel alle.',
    'Vælg hvilke notifikationer der skal markeres som læst, eller vælg alle.',
    'Name the notifications to mark read, or say all.',
  ],

  // Form fields: `{label}` is the field's label in the person's language.
  FIELD_REQUIRED: ['Fyll ut «{label}».', 'Fyll ut «{label}».', 'Udfyld »{label}«.', 'Fill in “{label}”.'],
  FIELD_UNKNOWN_FIELD: [
    'Skjemaet har ikke feltet «{label}».',
    'Skjemaet har ikkje feltet «{label}».',
    'Skemaet har ikke feltet »{label}«.',
    'The form has no field “{label}”.',
  ],
  FIELD_DUPLICATE_FIELD: [
    '«{label}» er besvart mer enn én gang.',
    '«{label}» er svart på meir enn éin gong.',
    '»{label}« er besvaret mere end én gang.',
    '“{label}” is answered more than once.',
  ],
  FIELD_TOO_LONG: [
    '«{label}» kan ha høyst {max} tegn.',
    '«{label}» kan ha høgst {max} teikn.',
    '»{label}« må højst have {max} tegn.',
    '“{label}” can have at most {max} characters.',
  ],
  FIELD_NOT_A_NUMBER: [
    '«{label}» må være et tall.',
    '«{label}» må vere eit tal.',
    '»{label}« skal være et tal.',
    '“{label}” must be a number.',
  ],
  FIELD_TOO_SMALL: [
    '«{label}» må være minst {min}.',
    '«{label}» må vere minst {min}.',
    '»{label}« skal være mindst {min}.',
    '“{label}” must be at least {min}.',
  ],
  FIELD_NOT_A_DATE: [
    '«{label}» må være en dato (åååå-mm-dd).',
    '«{label}» må vere ein dato (åååå-mm-dd).',
    '»{label}« skal være en dato (åååå-mm-dd).',
    '“{label}” must be a date (yyyy-mm-dd).',
  ],
  FIELD_NOT_A_BOOLEAN: [
    'Svar ja eller nei på «{label}».',
    'Svar ja eller nei på «{label}».',
    'Svar ja eller nej til »{label}«.',
    'Answer yes or no to “{label}”.',
  ],
  FIELD_NOT_AN_OPTION: [
    'Velg et av alternativene for «{label}».',
    'Vel eitt av alternativa for «{label}».',
    'Vælg en af mulighederne for »{label}«.',
    'Choose one of the options for “{label}”.',
  ],
  FIELD_INVALID_ACCOUNT_NUMBER: [
    '«{label}» er ikke et gyldig kontonummer (11 siffer).',
    '«{label}» er ikkje eit gyldig kontonummer (11 siffer).',
    '»{label}« er ikke et gyldigt norsk kontonummer (11 cifre).',
    '“{label}” is not a valid account number (11 digits).',
  ],

  // Files: createUpload and the file routes (files/).
  UPLOAD_TYPE_NOT_ALLOWED: [
    'Du kan bare sende PDF, JPEG, PNG, HEIC og DOCX.',
    'Du kan berre sende PDF, JPEG, PNG, HEIC og DOCX.',
    'Du kan kun sende PDF, JPEG, PNG, HEIC og DOCX.',
    'Only PDF, JPEG, PNG, HEIC and DOCX files can be sent.',
  ],
  UPLOAD_TYPE_MISMATCH: [
    'Innholdet i filen er ikke av typen den ble oppgitt som.',
    'Innhaldet i fila er ikkje av typen ho vart oppgitt som.',
    'Filens indhold er ikke af den type, den blev angivet som.',
    'The file’s content is not of the type it was declared as.',
  ],
  UPLOAD_EMPTY_FILE: ['Filen er tom.', 'Fila er tom.', 'Filen er tom.', 'The file is empty.'],
  UPLOAD_TOO_LARGE: [
    'En fil kan være høyst {mb} MB.',
    'Ei fil kan vere høgst {mb} MB.',
    'En fil må højst være {mb} MB.',
    'A file can be at most {mb} MB.',
  ],
  UPLOAD_SIZE_MISMATCH: [
    'Filen har ikke størrelsen som ble oppgitt.',
    'Fila har ikkje storleiken som vart oppgitt.',
    'Filen har ikke den angivne størrelse.',
    'The file is not the size that was declared.',
  ],
  UPLOAD_TOO_SLOW: [
    'Filen kom for sakte fram. Prøv igjen på en bedre forbindelse.',
    'Fila kom for sakte fram. Prøv igjen på ei betre tilkopling.',
    'Filen kom for langsomt frem. Prøv igen på en bedre forbindelse.',
    'The file arrived too slowly. Try again on a better connection.',
  ],
  UPLOAD_BAD_FILENAME: [
    'Filnavnet er ikke gyldig.',
    'Filnamnet er ikkje gyldig.',
    'Filnavnet er ikke gyldigt.',
    'The file name is not valid.',
  ],
  UPLOAD_NOT_ALLOWED: [
    'Du kan ikke sende dokumenter i denne saken.',
    'Du kan ikkje sende dokument i denne saka.',
    'Du kan ikke sende dokumenter i denne sag.',
    'You cannot send documents in this case.',
  ],
  UPLOAD_ALREADY_USED: [
    'Denne opplastingen er allerede brukt.',
    'Denne opplastinga er alt brukt.',
    'Denne upload er allerede brugt.',
    'This upload has already been used.',
  ],
  UPLOAD_NOT_FOUND: [
    'Opplastingen finnes ikke, eller den er utløpt.',
    'Opplastinga finst ikkje, eller ho har gått ut.',
    'Uploaden findes ikke, eller den er udløbet.',
    'No such upload, or it has expired.',
  ],
  DOCUMENT_NOT_FOUND: [
    'Dokumentet finnes ikke, eller lenken er utløpt.',
    'Dokumentet finst ikkje, eller lenkja har gått ut.',
    'Dokumentet findes ikke, eller linket er udløbet.',
    'No such document, or the link has expired.',
  ],
  CASE_FILE_NOT_FOUND: [
    'Saksmappen finnes ikke, eller lenken er utløpt.',
    'Saksmappa finst ikkje, eller lenkja har gått ut.',
    'Sagsmappen findes ikke, eller linket er udløbet.',
    'No such case file, or the link has expired.',
  ],
  TOO_MANY_TRANSFERS: [
    'Du kan ha høyst {limit} opplastinger og nedlastinger i gang samtidig. Vent til en er ferdig.',
    'Du kan ha høgst {limit} opplastingar og nedlastingar i gang samtidig. Vent til ei er ferdig.',
    'Du kan højst have {limit} uploads og downloads i gang ad gangen. Vent, til en er færdig.',
    'At most {limit} uploads and downloads at once. Wait for one to finish.',
  ],

  // agencyStatuses (resolvers/AgencyStatus.ts); NOT_ELIGIBLE explains its reason with COMMON_LABELS.refusal.
  STATUS_OK: [
    'Sakene dine hos {agency} er oppdatert.',
    'Sakene dine hos {agency} er oppdaterte.',
    'Dine sager hos {agency} er opdateret.',
    'Your cases at {agency} are up to date.',
  ],
  STATUS_CONSENT_REQUIRED: [
    'Gi samtykke for å se sakene dine hos {agency} her.',
    'Gi samtykke for å sjå sakene dine hos {agency} her.',
    'Giv samtykke for at se dine sager hos {agency} her.',
    'Give your consent to see your cases at {agency} here.',
  ],
  STATUS_STALE: [
    '{agency} svarer ikke akkurat nå. Du ser sakene slik de var {asOf}.',
    '{agency} svarar ikkje akkurat no. Du ser sakene slik dei var {asOf}.',
    '{agency} svarer ikke lige nu. Du ser sagerne, som de var {asOf}.',
    '{agency} is not answering right now. You see the cases as they were on {asOf}.',
  ],
  STATUS_UNAVAILABLE: [
    '{agency} svarer ikke akkurat nå, så sakene derfra mangler. Prøv igjen senere.',
    '{agency} svarar ikkje akkurat no, så sakene derifrå manglar. Prøv igjen seinare.',
    '{agency} svarer ikke lige nu, så sagerne derfra mangler. Prøv igen senere.',
    '{agency} is not answering right now, so its cases are missing. Please try again later.',
  ],

  // What can follow a decision (cases/appeal.ts).
  APPEAL_DEADLINE: [
    'Frist for å klage til {body}',
    'Frist for å klage til {body}',
    'Frist for at klage til {body}',
    'Last day to appeal to {body}',
  ],
  THE_COURTS: ['domstolene', 'domstolane', 'domstolene', 'the courts'],
});

export type MessageKey = keyof typeof MESSAGES;

/** The message in the language, with its `{name}` placeholders filled. */
export function say(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Why a person may not use an agency's portal, and what helps; a reason without its own text gets the general one. */
export function sayRefusal(lang: Lang, reason: string, agency: string): string {
  const text = (COMMON_LABELS.refusal as Readonly<Record<string, Readonly<Record<Lang, string>>>>)[reason];
  return text ? text[lang] : say(lang, 'NOT_ELIGIBLE', { agency });
}

const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', da: 'da-DK', en: 'en-GB' };

/** A moment as a person reads it: date and time in their language, on the clock of the agency's country. */
export function sayMoment(lang: Lang, iso: string, country: 'NO' | 'DK'): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: country === 'DK' ? 'Europe/Copenhagen' : 'Europe/Oslo',
  }).format(new Date(iso));
}
