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

/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 quality values).
 * "no" (Norwegian, unspecified) counts as Bokmål; an unknown or missing header gives the default.
 */
export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return DEFAULT_LANG;
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
  return DEFAULT_LANG;
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
} as const;
