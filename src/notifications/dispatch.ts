/**
 * Outbound notifications: an SMS to citizens, an e-mail to lawyers, through one Notifier. The rules: only
 * with the person's consent to be notified, checked again when the message goes; SMS only between 09:00
 * and 17:00 local time (otherwise held until 09:00); at most one message per person and case per hour —
 * what happens meanwhile is not dropped but gathered into the next message ("2 new things in your case …,
 * among them a decision"), and what happens close together goes as one; the text names the agency, the
 * case number and whether a decision came, in the person's language, and nothing else — no health
 * details, no links (links in SMS teach people to trust phishing).
 */
import type { FastifyBaseLogger } from 'fastify';
import { Poller } from '../lifecycle/poller.js';
import { z } from 'zod';
import type { Country } from '../agencies/kit/port.js';
import { pseudonym } from '../auth/pseudonym.js';
import type { Lang, Labels } from '../i18n.js';
import { labels, LANGUAGES } from '../i18n.js';
import type { Database } from '../records/database.js';
import type { Store } from '../store/index.js';
import { Sealer } from '../store/sealed.js';

export type Channel = 'SMS' | 'EMAIL';

export interface OutboundMessage {
  channel: Channel;
  /** A mobile number or an e-mail address. */
  to: string;
  subject: string;
  text: string;
}

/** Where messages go: an SMS/e-mail gateway in production, a log in development. */
export interface Notifier {
  send(message: OutboundMessage): Promise<void>;
}

export interface Recipient {
  nationalId: string;
  /** Lawyers are written to by e-mail, everyone else by SMS. */
  lawyer: boolean;
  mobile: string | null;
  email: string | null;
  /** The language they consented in; else the agency's country's. */
  lang?: Lang | null;
}

export interface CaseNews {
  agencyName: Labels;
  country: Country;
  caseNumber: string;
  agency: string;
}

/** What happened, as far as a message says: a decision is named, everything else is counted. */
export type NewsKind = 'DECISION' | 'DOCUMENT' | 'STEP' | 'SUBMISSION_FAILED';

/** Whether the person still wants messages from this agency (their consent now). */
export type StillWanted = (nationalId: string, agency: string) => Promise<boolean>;

const SMS_FROM_HOUR = 9;
const SMS_UNTIL_HOUR = 17;
const ONE_PER_MS = 60 * 60_000;
const DEV_OUTBOUND = 'dev:outbound';
const TIME_ZONE: Record<Country, string> = { NO: 'Europe/Oslo', DK: 'Europe/Copenhagen' };
const LANGUAGE: Record<Country, Lang> = { NO: 'nb', DK: 'da' };

const SUBJECT = labels(['Nytt i saken din', 'Nytt i saka di', 'Nyt i din sag', 'News in your case']);
const ONE_THING = labels([
  'Det er nytt i sak {case} hos {agency}. Logg inn på Min side for å se hva som er nytt.',
  'Det er nytt i sak {case} hos {agency}. Logg inn på Mi side for å sjå kva som er nytt.',
  'Der er nyt i sag {case} hos {agency}. Log ind på Mit Overblik for at se, hvad der er nyt.',
  'There is news in case {case} at {agency}. Log in to see what is new.',
]);
const THINGS = labels([
  'Det er {n} nye ting i sak {case} hos {agency}. Logg inn på Min side for å se hva som er nytt.',
  'Det er {n} nye ting i sak {case} hos {agency}. Logg inn på Mi side for å sjå kva som er nytt.',
  'Der er {n} nye ting i sag {case} hos {agency}. Log ind på Mit Overblik for at se, hvad der er nyt.',
  'There are {n} new things in case {case} at {agency}. Log in to see what is new.',
]);
const A_DECISION = labels([
  'Det er kommet et vedtak i sak {case} hos {agency}. Logg inn på Min side for å lese det.',
  'Det har kome eit vedtak i sak {case} hos {agency}. Logg inn på Mi side for å lese det.',
  'Der er kommet en afgørelse i sag {case} hos {agency}. Log ind på Mit Overblik for at læse den.',
  'A decision has come in case {case} at {agency}. Log in to read it.',
]);
const THINGS_WITH_A_DECISION = labels([
  'Det er {n} nye ting i sak {case} hos {agency}, blant annet et vedtak. Logg inn på Min side for å se hva som er nytt.',
  'Det er {n} nye ting i sak {case} hos {agency}, mellom anna eit vedtak. Logg inn på Mi side for å sjå kva som er nytt.',
  'Der er {n} nye ting i sag {case} hos {agency}, blandt andet en afgørelse. Log ind på Mit Overblik for at se, hvad der er nyt.',
  'There are {n} new things in case {case} at {agency}, among them a decision. Log in to see what is new.',
]);

/**
 * The message for one person about what happened in one case: the agency, the case number, how many things
 * and whether a decision is among them — in the person's language.
 */
export function composeMessage(
  recipient: Recipient,
  news: CaseNews,
  kinds: readonly NewsKind[] = ['DOCUMENT'],
): OutboundMessage | null {
  const lang = recipient.lang ?? LANGUAGE[news.country];
  const to = recipient.lawyer ? recipient.email : recipient.mobile;
  if (!to) return null;
  const decision = kinds.includes('DECISION');
  const many = kinds.length > 1;
  const text = decision ? (many ? THINGS_WITH_A_DECISION : A_DECISION) : many ? THINGS : ONE_THING;
  return {
    channel: recipient.lawyer ? 'EMAIL' : 'SMS',
    to,
    subject: SUBJECT[lang],
    text: text[lang]
      .replace('{n}', String(kinds.length))
      .replace('{case}', news.caseNumber)
      .replace('{agency}', news.agencyName[lang]),
  };
}

/** The local hour and minute in a time zone. */
function localTime(at: Date, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return { hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** When an SMS may go: now within 09:00–17:00 local time, else at the next 09:00. */
export function smsMayGoAt(at: Date, country: Country): Date {
  const { hour, minute } = localTime(at, TIME_ZONE[country]);
  if (hour >= SMS_FROM_HOUR && hour < SMS_UNTIL_HOUR) return at;
  const hoursToWait = hour < SMS_FROM_HOUR ? SMS_FROM_HOUR - hour : 24 - hour + SMS_FROM_HOUR;
  const due = new Date(at.getTime() + (hoursToWait * 60 - minute) * 60_000);
  due.setUTCSeconds(0, 0);
  return due;
}

/** What waits to go to one person about one case (sealed in held_messages). */
const pending = z.object({
  recipient: z.object({
    nationalId: z.string(),
    lawyer: z.boolean(),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    lang: z.enum(LANGUAGES).nullable().optional(),
  }),
  news: z.object({
    agency: z.string(),
    caseNumber: z.string(),
    country: z.enum(['NO', 'DK']),
    agencyName: z.object({ nb: z.string(), nn: z.string(), da: z.string(), en: z.string() }),
  }),
  kinds: z.array(z.enum(['DECISION', 'DOCUMENT', 'STEP', 'SUBMISSION_FAILED'])).min(1),
});
type Pending = z.infer<typeof pending>;

/** A message held by an earlier release (composed when held): it goes as it was. */
const composed = z.object({
  channel: z.enum(['SMS', 'EMAIL']),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});

export interface DispatchOptions {
  pollMs: number;
  /** How long news waits for more news about the same case, to go as one message. */
  gatherMs: number;
  /** Asked when a message goes: a person who withdrew their consent meanwhile gets nothing. */
  stillWanted: StillWanted;
  clock?: () => number;
}

export type NotifyOutcome = 'SENT' | 'QUEUED' | 'GATHERED' | 'NO_CONTACT';

export class NotificationDispatch {
  readonly #sealer: Sealer;
  readonly #clock: () => number;
  readonly #poller: Poller;

  constructor(
    /** When each person was last written to about each case (Redis: losing it risks one message early). */
    private readonly store: Store,
    /** What waits to go (PostgreSQL): news is never lost to a restart. */
    private readonly db: Database,
    private readonly secret: string,
    private readonly notifier: Notifier,
    private readonly log: FastifyBaseLogger,
    private readonly options: DispatchOptions,
  ) {
    this.#sealer = new Sealer(secret, 'notify');
    this.#clock = options.clock ?? Date.now;
    this.#poller = new Poller('sending held notifications', options.pollMs, () => this.sendDue(), log);
  }

  /**
   * Something happened in a case of a person who consented to be notified. Joins what already waits to
   * go to them about the case (GATHERED), or waits itself (QUEUED) until the gathering time has passed, an
   * hour has passed since the last message about the case, and — for an SMS — it is day where they live;
   * SENT when all of that is already so.
   */
  async notify(recipient: Recipient, news: CaseNews, kind: NewsKind): Promise<NotifyOutcome> {
    const to = recipient.lawyer ? recipient.email : recipient.mobile;
    if (!to) return 'NO_CONTACT';
    // One opaque name for the person and the case: the store never shows whose case number it is.
    const member = pseudonym(this.secret, `${recipient.nationalId}|${news.agency}|${news.caseNumber}`);
    const now = new Date(this.#clock());
    const last = Number(await this.store.get(this.#lastKey(member))) || 0;
    const outcome = await this.db.transaction(async (sql) => {
      const [held] = await sql.query<{ sealed: string }>(
        'SELECT sealed FROM held_messages WHERE member = $1 FOR UPDATE',
        [member],
      );
      const entry: Pending = {
        recipient: { ...recipient, lang: recipient.lang ?? null },
        news: {
          agency: news.agency,
          caseNumber: news.caseNumber,
          country: news.country,
          agencyName: news.agencyName,
        },
        kinds: [kind],
      };
      if (held) {
        // Joins what waits; a message an earlier release held (or one it cannot read) becomes this news.
        const waiting = this.#open(member, held.sealed);
        if (waiting && 'kinds' in waiting) entry.kinds = [...waiting.kinds, kind];
        await sql.query('UPDATE held_messages SET sealed = $2 WHERE member = $1', [
          member,
          this.#seal(member, entry),
        ]);
        return { gathered: true, due: null };
      }
      let due = new Date(Math.max(now.getTime() + this.options.gatherMs, last + ONE_PER_MS));
      if (!recipient.lawyer) due = smsMayGoAt(due, news.country);
      // Concurrent first news for the same case: the row another instance just wrote takes this one too.
      const [inserted] = await sql.query<{ member: string }>(
        `INSERT INTO held_messages (member, sealed, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (member) DO NOTHING RETURNING member`,
        [member, this.#seal(member, entry), due],
      );
      return inserted ? { gathered: false, due } : null;
    });
    if (!outcome) return this.notify(recipient, news, kind);
    if (outcome.gathered) return 'GATHERED';
    if (outcome.due && outcome.due.getTime() <= now.getTime()) {
      await this.sendDue();
      return 'SENT';
    }
    return 'QUEUED';
  }

  /** Sends what is due (one message per person and case, all its news in it); returns how many went. */
  async sendDue(): Promise<number> {
    const now = new Date(this.#clock());
    // Claimed under a lease (not due again for a minute), deleted once sent: an instance that dies
    // mid-send leaves the message to go from another, at least once.
    const due = await this.db.query<{ member: string; sealed: string }>(
      `UPDATE held_messages SET due_at = $1::timestamptz + interval '1 minute'
        WHERE member IN (SELECT member FROM held_messages WHERE due_at <= $1 ORDER BY due_at LIMIT 50
                         FOR UPDATE SKIP LOCKED)
        RETURNING member, sealed`,
      [now],
    );
    let sent = 0;
    for (const { member, sealed } of due) {
      const held = this.#open(member, sealed);
      const message = held && ('kinds' in held ? await this.#compose(held) : held);
      if (message) {
        try {
          await this.notifier.send(message);
        } catch (error) {
          // Kept: due again when its lease is up, a minute from now; the others go on.
          this.log.warn(
            { err: (error as Error).message },
            'notification not sent; it waits for the next try',
          );
          continue;
        }
        await this.store.set(this.#lastKey(member), String(now.getTime()), ONE_PER_MS);
        sent++;
      }
      await this.db.query('DELETE FROM held_messages WHERE member = $1', [member]);
    }
    return sent;
  }

  /** The message for what waits, if the person still wants it. */
  async #compose(held: Pending): Promise<OutboundMessage | null> {
    if (!(await this.options.stillWanted(held.recipient.nationalId, held.news.agency))) {
      this.log.info({ agency: held.news.agency }, 'notification dropped: consent withdrawn meanwhile');
      return null;
    }
    return composeMessage(held.recipient, held.news, held.kinds);
  }

  #lastKey(member: string): string {
    return `notify:recent:${member}`;
  }

  #seal(member: string, entry: Pending): string {
    return this.#sealer.sealJson(entry, `held:${member}`);
  }

  #open(member: string, sealed: string): Pending | OutboundMessage | null {
    return (
      this.#sealer.openJson(sealed, `held:${member}`, pending) ??
      this.#sealer.openJson(sealed, `held:${member}`, composed)
    );
  }

  start(): void {
    this.#poller.start();
  }

  async stop(): Promise<void> {
    await this.#poller.stop();
  }
}

/**
 * Development's notifier: writes each message to the log (the recipient masked) and keeps the last ones in
 * the store, so that `GET /dev/notifications` shows what would have been sent.
 */
export class LogNotifier implements Notifier {
  readonly #sealer: Sealer;

  constructor(
    private readonly store: Store,
    secret: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.#sealer = new Sealer(secret, 'dev-outbound');
  }

  async send(message: OutboundMessage): Promise<void> {
    this.log.info(
      { channel: message.channel, to: `…${message.to.slice(-3)}`, text: message.text },
      'notification (development: not sent)',
    );
    const sealed = this.#sealer.sealJson({ ...message, at: new Date().toISOString() }, DEV_OUTBOUND);
    await this.store.push(DEV_OUTBOUND, sealed, 86_400_000, 100);
  }

  /** The last messages, newest first. */
  async recent(): Promise<(OutboundMessage & { at: string })[]> {
    return (await this.store.list(DEV_OUTBOUND))
      .flatMap(
        (sealed) => this.#sealer.openJson<OutboundMessage & { at: string }>(sealed, DEV_OUTBOUND) ?? [],
      )
      .reverse();
  }
}
