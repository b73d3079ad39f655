/** Languages of the graph's labels, negotiated from Accept-Language. */
export const LANGUAGES = ['nb', 'nn', 'da', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Labels = Readonly<Record<Lang, string>>;

export const DEFAULT_LANG: Lang = 'nb';

/** Builds labels from a `[nb, nn, da, en]` tuple, which keeps the tables readable. */
export function labels([nb, nn, da, en]: readonly [string, string, string, string]): Labels {
  return { nb, nn, da, en };
}

/** A whole table of `code → [nb, nn, da, en]`. */
export function labelTable<K extends string>(
  table: Record<K, readonly [string, string, string, string]>,
): Record<K, Labels> {
  return Object.fromEntries(
    Object.entries(table).map(([code, tuple]) => [code, labels(tuple as never)]),
  ) as Record<K, Labels>;
}

/** The language of a login's country, for a person whose browser names none we speak. */
export const LOGIN_LANGUAGE: Readonly<Record<'idporten' | 'mitid', Lang>> = { idporten: 'nb', mitid: 'da' };

/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 quality values).
 * "no" (Norwegian, unspecified) counts as Bokmål; an unknown or missing header gives the fallback (the
 * login's language when there is one, else the default).
 */
export function negotiateLanguage(header: string | undefined, fallback: Lang = DEFAULT_LANG): Lang {
  if (!header) return fallback;
  const candidates = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((c) => c.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of candidates) {
    const primary = tag.split('-')[0] ?? '';
    if (primary === 'no') return 'nb';
    if ((LANGUAGES as readonly string[]).includes(primary)) return primary as Lang;
  }
  return fallback;
}

/** Labels shared by all agencies: statuses, roles, directions. */
export const COMMON_LABELS = {
  status: labelTable({
    RECEIVED: ['Mottatt', 'Motteke', 'Modtaget', 'Received'],
    WAITING: ['Venter på behandling', 'Ventar på behandling', 'Afventer behandling', 'Waiting in queue'],
    IN_PROGRESS: ['Under behandling', 'Under behandling', 'Under behandling', 'In progress'],
    DECIDED: ['Vedtak er fattet', 'Vedtak er gjort', 'Afgørelse truffet', 'Decided'],
    FORWARDED: [
      'Sendt til klageinstansen',
      'Sendt til klageinstansen',
      'Sendt til klageinstansen',
      'Sent to the appeal body',
    ],
    CLOSED: ['Avsluttet', 'Avslutta', 'Afsluttet', 'Closed'],
  }),
  role: labelTable({
    PARTY: ['Part', 'Part', 'Part', 'Party'],
    LAWYER: ['Advokat', 'Advokat', 'Advokat', 'Lawyer'],
    PROXY: ['Fullmektig', 'Fullmektig', 'Fuldmægtig', 'Proxy'],
    GUARDIAN: ['Verge', 'Verje', 'Værge', 'Guardian'],
    BEREAVED: ['Etterlatt', 'Etterlaten', 'Efterladt', 'Bereaved'],
    CUSTODY_HOLDER: ['Foresatt', 'Føresett', 'Forældremyndighedsindehaver', 'Custody holder'],
  }),
  direction: labelTable({
    INCOMING: ['Inngående', 'Inngåande', 'Indgående', 'Received'],
    OUTGOING: ['Utgående', 'Utgåande', 'Udgående', 'Sent'],
  }),
  commentDeadline: labels([
    'Frist for kommentar',
    'Frist for kommentar',
    'Høringsfrist',
    'Deadline for comments',
  ]),
  /** Why a person may not use an agency's portal, and what helps. */
  refusal: labelTable({
    OTHER_COUNTRY: [
      'Etaten tar ikke imot innlogging fra ditt land.',
      'Etaten tek ikkje imot innlogging frå landet ditt.',
      'Myndigheden modtager ikke login fra dit land.',
      'This agency does not accept logins from your country.',
    ],
    NO_NORWEGIAN_ID: [
      'Du må ha norsk fødselsnummer for å bruke Min side. D-nummer støttes ikke.',
      'Du må ha norsk fødselsnummer for å bruke Mi side. D-nummer er ikkje støtta.',
      'Du skal have et norsk fødselsnummer for at bruge portalen. D-nummer understøttes ikke.',
      'You need a Norwegian national identity number (fødselsnummer) to use this portal. D-numbers are not supported.',
    ],
    INVALID_NATIONAL_ID: [
      'Identitetsnummeret fra innloggingen er ikke gyldig.',
      'Identitetsnummeret frå innlogginga er ikkje gyldig.',
      'Identitetsnummeret fra dit login er ikke gyldigt.',
      'The identity number from your login is not valid.',
    ],
    INSUFFICIENT_ASSURANCE: [
      'Logg inn med et høyere sikkerhetsnivå (for eksempel BankID) for å se sakene dine her.',
      'Logg inn med eit høgare tryggleiksnivå (til dømes BankID) for å sjå sakene dine her.',
      'Log ind med et højere sikringsniveau for at se dine sager her.',
      'Log in with a higher assurance level (for example BankID) to see your cases here.',
    ],
    HAS_GUARDIAN: [
      'Du har verge, og vergen følger saken for deg. Kontakt etaten eller vergen din.',
      'Du har verje, og verja følgjer saka for deg. Kontakt etaten eller verja di.',
      'Du har en værge, som følger sagen for dig. Kontakt myndigheden eller din værge.',
      'You have a guardian, who follows the case for you. Contact the agency or your guardian.',
    ],
    ROLE_NOT_SUPPORTED: [
      'Etaten støtter ennå ikke din rolle i saken her. Kontakt etaten for innsyn.',
      'Etaten støttar enno ikkje rolla di i saka her. Kontakt etaten for innsyn.',
      'Myndigheden understøtter endnu ikke din rolle i sagen her. Kontakt myndigheden for aktindsigt.',
      'The agency does not yet support your role in the case here. Contact the agency for access.',
    ],
  }),
  /** What happened in a case, for notifications in the portal; `{step}` is the step's label. */
  caseEvent: labelTable({
    STEP_COMPLETED: [
      'Steget «{step}» er fullført.',
      'Steget «{step}» er fullført.',
      'Trinnet »{step}« er afsluttet.',
      'The step “{step}” is completed.',
    ],
    DOCUMENT_ADDED: [
      'Det er kommet et nytt dokument i saken.',
      'Det er kome eit nytt dokument i saka.',
      'Der er kommet et nyt dokument i sagen.',
      'A new document has arrived in the case.',
    ],
    DECISION_MADE: [
      'Det er fattet vedtak i saken.',
      'Det er gjort vedtak i saka.',
      'Der er truffet afgørelse i sagen.',
      'A decision has been made in the case.',
    ],
  }),
  /** Why a case is closed to the viewer, and what to do about it. */
  closure: labelTable({
    MISSING_CONTACT_INFO: [
      'Registrer mobilnummer (og e-post) hos etaten for å følge saken her.',
      'Registrer mobilnummer (og e-post) hos etaten for å følgje saka her.',
      'Registrér mobilnummer (og e-mail) hos myndigheden for at følge sagen her.',
      'Register your mobile number (and e-mail) with the agency to follow the case here.',
    ],
    LAWYER_EMAIL_NOT_PERSONAL: [
      'Registrer en personlig e-postadresse, ikke en felles postkasse, hos etaten for å følge saken her.',
      'Registrer ei personleg e-postadresse, ikkje ein felles postkasse, hos etaten for å følgje saka her.',
      'Registrér en personlig e-mailadresse, ikke en fælles postkasse, hos myndigheden for at følge sagen her.',
      'Register a personal e-mail address, not a shared inbox, with the agency to follow the case here.',
    ],
    TWO_LAWYERS: [
      'Saken har to advokater og kan ikke følges her. Avklar med etaten hvem som er advokat.',
      'Saka har to advokatar og kan ikkje følgjast her. Avklar med etaten kven som er advokat.',
      'Sagen har to advokater og kan ikke følges her. Afklar med myndigheden, hvem der er advokat.',
      'The case has two lawyers and cannot be followed here. Agree with the agency who the lawyer is.',
    ],
  }),
} as const;
