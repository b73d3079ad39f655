/**
 * The portal's own words in nb, nn, da and en. What the graph sends (statuses, steps, refusals, errors)
 * comes in the person's language already; these are the page's headings, buttons and hints.
 */
export const LANGS = ['nb', 'nn', 'da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Text = readonly [nb: string, nn: string, da: string, en: string];

const TEXTS = {
  appName: [
    'Min side – klager og pasientskader',
    'Mi side – klager og pasientskadar',
    'Mine sager – klager og patienterstatning',
    'My cases – complaints and patient injuries',
  ],
  languageName: ['Bokmål', 'Nynorsk', 'Dansk', 'English'],
  language: ['Språk', 'Språk', 'Sprog', 'Language'],
  skipToContent: [
    'Hopp til hovedinnhold',
    'Hopp til hovudinnhaldet',
    'Spring til hovedindhold',
    'Skip to main content',
  ],
  loading: ['Henter …', 'Hentar …', 'Henter …', 'Loading …'],
  logIn: ['Logg inn', 'Logg inn', 'Log ind', 'Log in'],
  logInIdporten: [
    'Logg inn med ID-porten',
    'Logg inn med ID-porten',
    'Log ind med ID-porten',
    'Log in with ID-porten',
  ],
  logInMitid: ['Logg inn med MitID', 'Logg inn med MitID', 'Log ind med MitID', 'Log in with MitID'],
  logInIntro: [
    'Følg sakene dine hos Helseklage, Norsk pasientskadeerstatning, Styrelsen for Patientklager og Patienterstatningen på ett sted.',
    'Følg sakene dine hos Helseklage, Norsk pasientskadeerstatning, Styrelsen for Patientklager og Patienterstatningen på éin stad.',
    'Følg dine sager hos Helseklage, Norsk pasientskadeerstatning, Styrelsen for Patientklager og Patienterstatningen ét sted.',
    'Follow your cases at Helseklage, the Norwegian System of Patient Injury Compensation, the Danish Agency for Patient Complaints and the Danish Patient Compensation in one place.',
  ],
  logOut: ['Logg ut', 'Logg ut', 'Log ud', 'Log out'],
  myCases: ['Mine saker', 'Mine saker', 'Mine sager', 'My cases'],
  noCases: [
    'Du har ingen saker vi kan vise her.',
    'Du har ingen saker vi kan vise her.',
    'Du har ingen sager, vi kan vise her.',
    'You have no cases we can show here.',
  ],
  caseCount: ['{n} saker', '{n} saker', '{n} sager', '{n} cases'],
  caseNumber: ['Saksnummer', 'Saksnummer', 'Sagsnummer', 'Case number'],
  yourRole: ['Din rolle', 'Rolla di', 'Din rolle', 'Your role'],
  updated: ['Sist endret', 'Sist endra', 'Senest ændret', 'Last changed'],
  expectedDecision: ['Forventet vedtak', 'Venta vedtak', 'Forventet afgørelse', 'Expected decision'],
  currentStep: ['Nå', 'No', 'Nu', 'Now'],
  completed: ['Fullført', 'Fullført', 'Afsluttet', 'Completed'],
  upcoming: ['Kommer', 'Kjem', 'Kommer', 'Coming'],
  expected: ['forventet', 'venta', 'forventet', 'expected'],
  timeline: ['Saksgang', 'Saksgang', 'Sagens forløb', 'Timeline'],
  deadlines: ['Frister', 'Fristar', 'Frister', 'Deadlines'],
  decision: ['Vedtak', 'Vedtak', 'Afgørelse', 'Decision'],
  decidedOn: ['Vedtak fattet {date}', 'Vedtak gjort {date}', 'Afgørelse truffet {date}', 'Decided on {date}'],
  appealOpen: [
    'Du kan klage til {body} innen {date}.',
    'Du kan klage til {body} innan {date}.',
    'Du kan klage til {body} senest {date}.',
    'You can appeal to {body} until {date}.',
  ],
  appealed: [
    'Vedtaket er påklaget.',
    'Vedtaket er påklaga.',
    'Afgørelsen er påklaget.',
    'The decision has been appealed.',
  ],
  appealDeadlinePassed: [
    'Fristen for å klage gikk ut {date}.',
    'Fristen for å klage gjekk ut {date}.',
    'Fristen for at klage udløb {date}.',
    'The last day to appeal was {date}.',
  ],
  courtDeadline: [
    'Frist for søksmål: {date}.',
    'Frist for søksmål: {date}.',
    'Frist for at anlægge sag: {date}.',
    'Last day to go to court: {date}.',
  ],
  lastDay: ['siste dag', 'siste dag', 'sidste dag', 'last day'],
  relatedCases: [
    'Saker som hører sammen med denne',
    'Saker som høyrer saman med denne',
    'Sager, der hører sammen med denne',
    'Related cases',
  ],
  people: ['Hvem er med i saken', 'Kven er med i saka', 'Hvem er med i sagen', 'Who is on the case'],
  you: ['deg', 'deg', 'dig', 'you'],
  accessLog: [
    'Hvem har sett sakene mine',
    'Kven har sett sakene mine',
    'Hvem har set mine sager',
    'Who has seen my cases',
  ],
  accessLogIntro: [
    'Her ser du hver gang noen har lest eller endret opplysninger i sakene dine her: du selv, og den som handler for deg (advokat, fullmektig, verge). Nyeste først; vi tar vare på loggen i fem år.',
    'Her ser du kvar gong nokon har lese eller endra opplysningar i sakene dine her: du sjølv, og den som handlar for deg (advokat, fullmektig, verje). Nyaste først; vi tek vare på loggen i fem år.',
    'Her ser du, hver gang nogen har læst eller ændret oplysninger i dine sager her: dig selv og den, der handler for dig (advokat, fuldmægtig, værge). Nyeste først; vi gemmer loggen i fem år.',
    'Each time someone read or changed the information in your cases here: you, and whoever acts for you (a lawyer, a proxy, a guardian). Newest first; the log is kept for five years.',
  ],
  noAccessLog: [
    'Ingen har sett sakene dine her ennå.',
    'Ingen har sett sakene dine her enno.',
    'Ingen har set dine sager her endnu.',
    'Nobody has seen your cases here yet.',
  ],
  youDid: ['Du', 'Du', 'Du', 'You'],
  someone: ['Noen', 'Nokon', 'Nogen', 'Someone'],
  refused: ['Avvist', 'Avvist', 'Afvist', 'Refused'],
  failed: ['Mislyktes', 'Mislukkast', 'Mislykkedes', 'Failed'],
  showOlder: ['Vis eldre', 'Vis eldre', 'Vis ældre', 'Show older'],
  formOnItsWay: [
    'sendt, på vei til etaten – du trenger ikke fylle det ut igjen',
    'sendt, på veg til etaten – du treng ikkje fylle det ut igjen',
    'sendt, på vej til myndigheden – du behøver ikke udfylde den igen',
    'sent, on its way to the agency – no need to fill it in again',
  ],
  backToCases: [
    'Tilbake til mine saker',
    'Tilbake til sakene mine',
    'Tilbage til mine sager',
    'Back to my cases',
  ],
  consentTitle: [
    'Samtykke til å vise sakene dine',
    'Samtykke til å vise sakene dine',
    'Samtykke til at vise dine sager',
    'Consent to show your cases',
  ],
  consentGive: ['Gi samtykke', 'Gi samtykke', 'Giv samtykke', 'Give consent'],
  consentNotify: [
    'Send meg varsel på SMS eller e-post når noe skjer i saken',
    'Send meg varsel på SMS eller e-post når noko skjer i saka',
    'Send mig besked på sms eller e-mail, når der sker noget i sagen',
    'Notify me by text message or e-mail when something happens in the case',
  ],
  consents: ['Samtykker', 'Samtykker', 'Samtykker', 'Consents'],
  consentsIntro: [
    'Helseklage og Norsk pasientskadeerstatning viser sakene dine her bare når du har samtykket. Du kan trekke samtykket tilbake når du vil.',
    'Helseklage og Norsk pasientskadeerstatning viser sakene dine her berre når du har samtykt. Du kan trekkje samtykket tilbake når du vil.',
    'Helseklage og Norsk pasientskadeerstatning viser kun dine sager her, når du har givet samtykke. Du kan til enhver tid trække samtykket tilbage.',
    'Helseklage and the Norwegian System of Patient Injury Compensation show your cases here only with your consent. You can withdraw it at any time.',
  ],
  noConsents: [
    'Ingen etater her ber om samtykke fra deg.',
    'Ingen etatar her ber om samtykke frå deg.',
    'Ingen myndigheder her beder om dit samtykke.',
    'No agency here asks for your consent.',
  ],
  consentGivenAt: [
    'Samtykke gitt {date}',
    'Samtykke gitt {date}',
    'Samtykke givet {date}',
    'Consent given {date}',
  ],
  consentWithdrawnAt: [
    'Samtykke trukket tilbake {date}',
    'Samtykke trekt tilbake {date}',
    'Samtykke trukket tilbage {date}',
    'Consent withdrawn {date}',
  ],
  notificationsOn: ['Du får varsler.', 'Du får varsel.', 'Du får beskeder.', 'You are notified.'],
  notificationsOff: [
    'Du får ikke varsler.',
    'Du får ikkje varsel.',
    'Du får ikke beskeder.',
    'You are not notified.',
  ],
  notificationsStart: ['Slå på varsler', 'Slå på varsel', 'Slå beskeder til', 'Turn notifications on'],
  notificationsStop: ['Slå av varsler', 'Slå av varsel', 'Slå beskeder fra', 'Turn notifications off'],
  consentWithdraw: [
    'Trekk tilbake samtykket',
    'Trekk tilbake samtykket',
    'Træk samtykket tilbage',
    'Withdraw consent',
  ],
  consentWithdrawn: [
    'Samtykket er trukket tilbake. Sakene dine hos {agency} vises ikke lenger her.',
    'Samtykket er trekt tilbake. Sakene dine hos {agency} blir ikkje viste her lenger.',
    'Samtykket er trukket tilbage. Dine sager hos {agency} vises ikke længere her.',
    'Consent withdrawn. Your cases at {agency} are no longer shown here.',
  ],
  consentSaved: ['Lagret.', 'Lagra.', 'Gemt.', 'Saved.'],
  notifications: ['Varsler', 'Varsel', 'Beskeder', 'Notifications'],
  unreadCount: ['{n} uleste', '{n} ulesne', '{n} ulæste', '{n} unread'],
  noNotifications: [
    'Du har ingen varsler.',
    'Du har ingen varsel.',
    'Du har ingen beskeder.',
    'You have no notifications.',
  ],
  unread: ['Ulest', 'Ulesen', 'Ulæst', 'Unread'],
  markRead: ['Merk som lest', 'Merk som lesen', 'Markér som læst', 'Mark as read'],
  markAllRead: ['Merk alle som lest', 'Merk alle som lesne', 'Markér alle som læst', 'Mark all as read'],
  openCase: ['Åpne saken', 'Opne saka', 'Åbn sagen', 'Open the case'],
  liveNews: ['Nytt i saken din', 'Nytt i saka di', 'Nyt i din sag', 'News in your case'],
  documents: ['Dokumenter', 'Dokument', 'Dokumenter', 'Documents'],
  date: ['Dato', 'Dato', 'Dato', 'Date'],
  document: ['Dokument', 'Dokument', 'Dokument', 'Document'],
  direction: ['Fra eller til', 'Frå eller til', 'Fra eller til', 'From or to'],
  noDocuments: [
    'Saken har ingen dokumenter ennå.',
    'Saka har ingen dokument enno.',
    'Sagen har ingen dokumenter endnu.',
    'The case has no documents yet.',
  ],
  download: ['Last ned', 'Last ned', 'Hent', 'Download'],
  downloadAll: [
    'Last ned alle dokumentene (ZIP)',
    'Last ned alle dokumenta (ZIP)',
    'Hent alle dokumenterne (ZIP)',
    'Download all documents (ZIP)',
  ],
  notOpenable: [
    'Du kan se at dokumentet finnes, men ikke åpne det.',
    'Du kan sjå at dokumentet finst, men ikkje opne det.',
    'Du kan se, at dokumentet findes, men ikke åbne det.',
    'You can see that the document exists, but not open it.',
  ],
  appealOfDecisionBy: [
    'Klage på vedtak fra {body}',
    'Klage på vedtak frå {body}',
    'Klage over afgørelse fra {body}',
    'Appeal of a decision by {body}',
  ],
  alsoInMailbox: [
    'Også sendt til {mailbox} {date}',
    'Også sendt til {mailbox} {date}',
    'Også sendt med {mailbox} {date}',
    'Also delivered to {mailbox} on {date}',
  ],
  commentBy: [
    'Kommenter innen {date}',
    'Kommenter innan {date}',
    'Kommentér senest {date}',
    'Comment by {date}',
  ],
  sent: ['Det du har sendt', 'Det du har sendt', 'Det, du har sendt', 'What you have sent'],
  submissionState_PENDING: [
    'Sendt, venter på at etaten tar imot',
    'Sendt, ventar på at etaten tek imot',
    'Sendt, venter på at myndigheden modtager den',
    'Sent, waiting for the agency to receive it',
  ],
  submissionState_DELIVERED: [
    'Mottatt av etaten {date}',
    'Motteke av etaten {date}',
    'Modtaget af myndigheden {date}',
    'Received by the agency {date}',
  ],
  submissionState_FAILED: [
    'Kom ikke fram til etaten',
    'Kom ikkje fram til etaten',
    'Nåede ikke frem til myndigheden',
    'Did not reach the agency',
  ],
  attachments: ['{n} vedlegg', '{n} vedlegg', '{n} bilag', '{n} attachments'],
  sendInformation: [
    'Send ny informasjon',
    'Send ny informasjon',
    'Send nye oplysninger',
    'Send new information',
  ],
  message: ['Melding', 'Melding', 'Besked', 'Message'],
  messageHint: [
    'Skriv hva du vil at saksbehandleren skal vite.',
    'Skriv kva du vil at saksbehandlaren skal vite.',
    'Skriv, hvad du vil have, at sagsbehandleren skal vide.',
    'Write what you want the caseworker to know.',
  ],
  chooseFiles: ['Legg ved filer', 'Legg ved filer', 'Vedhæft filer', 'Attach files'],
  filesHint: [
    'PDF, JPEG, PNG, HEIC eller Word (DOCX), høyst 10 filer.',
    'PDF, JPEG, PNG, HEIC eller Word (DOCX), høgst 10 filer.',
    'PDF, JPEG, PNG, HEIC eller Word (DOCX), højst 10 filer.',
    'PDF, JPEG, PNG, HEIC or Word (DOCX), at most 10 files.',
  ],
  removeFile: ['Fjern {name}', 'Fjern {name}', 'Fjern {name}', 'Remove {name}'],
  uploading: ['Laster opp {name}', 'Lastar opp {name}', 'Uploader {name}', 'Uploading {name}'],
  uploaded: ['Lastet opp', 'Lasta opp', 'Uploadet', 'Uploaded'],
  send: ['Send', 'Send', 'Send', 'Send'],
  sending: ['Sender …', 'Sender …', 'Sender …', 'Sending …'],
  sentOk: [
    'Sendt. Du ser den under «Det du har sendt».',
    'Sendt. Du ser han under «Det du har sendt».',
    'Sendt. Du kan se den under «Det, du har sendt».',
    'Sent. You will find it under “What you have sent”.',
  ],
  sendUnknown: [
    'Vi vet ikke om sendingen kom fram, fordi forbindelsen ble brutt. Prøv igjen: den blir ikke sendt to ganger.',
    'Vi veit ikkje om sendinga kom fram, fordi sambandet vart brote. Prøv igjen: ho blir ikkje send to gonger.',
    'Vi ved ikke, om forsendelsen nåede frem, fordi forbindelsen blev afbrudt. Prøv igen: den bliver ikke sendt to gange.',
    'We do not know whether it arrived: the connection was lost. Try again: it will not be sent twice.',
  ],
  tryAgain: ['Prøv igjen', 'Prøv igjen', 'Prøv igen', 'Try again'],
  forms: [
    'Skjema du blir bedt om å fylle ut',
    'Skjema du blir beden om å fylle ut',
    'Skemaer, du bliver bedt om at udfylde',
    'Forms you are asked to fill in',
  ],
  yes: ['Ja', 'Ja', 'Ja', 'Yes'],
  no: ['Nei', 'Nei', 'Nej', 'No'],
  chooseOne: ['Velg', 'Vel', 'Vælg', 'Choose'],
  optional: ['valgfritt', 'valfritt', 'valgfrit', 'optional'],
  fixErrors: [
    'Skjemaet er ikke sendt. Rett opp feltene som er merket.',
    'Skjemaet er ikkje sendt. Rett opp felta som er merkte.',
    'Skemaet er ikke sendt. Ret de markerede felter.',
    'The form was not sent. Correct the marked fields.',
  ],
  overview: ['Saksoversikt', 'Saksoversikt', 'Sagsoversigt', 'Case overview'],
  overviewLink: [
    'Alle sakene der du er advokat: saksoversikten',
    'Alle sakene der du er advokat: saksoversikta',
    'Alle sager, hvor du er advokat: sagsoversigten',
    'All the cases where you are the lawyer: the case overview',
  ],
  overviewIntro: [
    'Sakene der du er advokat. Det som krever noe av deg står først: frister, deretter uleste dokumenter.',
    'Sakene der du er advokat. Det som krev noko av deg står først: fristar, deretter ulesne dokument.',
    'Sagerne, hvor du er advokat. Det, der kræver noget af dig, står først: frister, derefter ulæste dokumenter.',
    'The cases where you are the lawyer. What needs your action comes first: deadlines, then unread documents.',
  ],
  agency: ['Etat', 'Etat', 'Myndighed', 'Agency'],
  allAgencies: ['Alle etater', 'Alle etatar', 'Alle myndigheder', 'All agencies'],
  status: ['Status', 'Status', 'Status', 'Status'],
  allStatuses: ['Alle', 'Alle', 'Alle', 'All'],
  openCases: ['Åpne saker', 'Opne saker', 'Åbne sager', 'Open cases'],
  closedCases: ['Avsluttede saker', 'Avslutta saker', 'Afsluttede sager', 'Closed cases'],
  case: ['Sak', 'Sak', 'Sag', 'Case'],
  client: ['Klient', 'Klient', 'Klient', 'Client'],
  nextDeadline: ['Neste frist', 'Neste frist', 'Næste frist', 'Next deadline'],
  unreadDocuments: ['Uleste dokumenter', 'Ulesne dokument', 'Ulæste dokumenter', 'Unread documents'],
  caseFile: ['Saksmappe', 'Saksmappe', 'Sagsmappe', 'Case file'],
  showing: [
    'Viser {from}–{to} av {n} saker',
    'Viser {from}–{to} av {n} saker',
    'Viser {from}–{to} af {n} sager',
    'Showing {from}–{to} of {n} cases',
  ],
  pages: ['Sider', 'Sider', 'Sider', 'Pages'],
  previous: ['Forrige', 'Førre', 'Forrige', 'Previous'],
  next: ['Neste', 'Neste', 'Næste', 'Next'],
  page: ['Side {n}', 'Side {n}', 'Side {n}', 'Page {n}'],
  staleNotice: [
    'Vi får ikke kontakt med tjenesten akkurat nå. Det du ser, er slik det var sist.',
    'Vi får ikkje kontakt med tenesta akkurat no. Det du ser, er slik det var sist.',
    'Vi kan ikke få forbindelse til tjenesten lige nu. Det, du ser, er som det var sidst.',
    'We cannot reach the service just now. What you see is as it was last time.',
  ],
  mainNavigation: ['Hovedmeny', 'Hovudmeny', 'Hovedmenu', 'Main menu'],
  staleAsOf: ['Vist slik det var', 'Vist slik det var', 'Vist som det var', 'Shown as it was'],
  somethingWrong: [
    'Noe gikk galt. Prøv igjen senere.',
    'Noko gjekk gale. Prøv igjen seinare.',
    'Noget gik galt. Prøv igen senere.',
    'Something went wrong. Please try again later.',
  ],
  notFound: [
    'Vi fant ikke saken.',
    'Vi fann ikkje saka.',
    'Vi fandt ikke sagen.',
    'We could not find the case.',
  ],
} satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXTS;

export function text(lang: Lang, key: TextKey, values: Record<string, string | number> = {}): string {
  const texts: Text = TEXTS[key];
  return (texts[LANGS.indexOf(lang)] ?? texts[0]).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', da: 'da-DK', en: 'en-GB' };

/** A moment, to the minute, as the person reads it. */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A date (or a moment's date) as the person reads it. */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(new Date(iso));
}
