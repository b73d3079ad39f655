/**
 * Outbound notifications: an SMS to citizens, an e-mail to lawyers, through one Notifier. The rules:
 * only with the person's consent to be notified; SMS only between 09:00 and 17:00 local time (otherwise
 * held until 09:00); at most one message per person and case per hour; the text names the agency and the
 * case number and nothing else — no health details, no links (links in SMS teach people to trust phishing).
 */
import type { FastifyBaseLogger } from 'fastify';
import { Poller } from '../lifecycle/poller.js';
import { z } from 'zod';
import type { Country } from '../agencies/kit/port.js';
import { pseudonym } from '../auth/pseudonym.js';
import type { Lang, Labels } from '../i18n.js';
import { labels } from '../i18n.js';
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
}

export interface CaseNews {
  agencyName: Labels;
  country: Country;
  caseNumber: string;
  agency: string;
}

const SMS_FROM_HOUR = 9;
const SMS_UNTIL_HOUR = 17;
const ONE_PER_MS = 60 * 60_000;
const DEV_OUTBOUND = 'dev:outbound';
const TIME_ZONE: Record<Country, string> = { NO: 'Europe/Oslo', DK: 'Europe/Copenhagen' };
const LANGUAGE: Record<Country, Lang> = { NO: 'nb', DK: 'da' };

const SUBJECT = labels(['Nytt i saken din', 'Nytt i saka di', 'Nyt i din sag', 'News in your case']);
const TEXT = labels([
  'Det er nytt i sak {case} hos {agency}. Logg inn på Min side for å se hva som er nytt.',
  'Det er nytt i sak {case} hos {agency}. Logg inn på Mi side for å sjå kva som er nytt.',
  'Der er nyt i sag {case} hos {agency}. Log ind på Mit Overblik for at se, hvad der er nyt.',
  'There is news in case {case} at {agency}. Log in to see what is new.',
]);

/** The message for one person about one case: only the agency and the case number. */
export function composeMessage(recipient: Recipient, news: CaseNews): OutboundMessage | null {
  const lang = LANGUAGE[news.country];
  const to = recipient.lawyer ? recipient.email : recipient.mobile;
  if (!to) return null;
  return {
    channel: recipient.lawyer ? 'EMAIL' : 'SMS',
    to,
    subject: SUBJECT[lang],
    text: TEXT[lang].replace('{case}', news.caseNumber).replace('{agency}', news.agencyName[lang]),
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

const held = z.object({
  channel: z.enum(['SMS', 'EMAIL']),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});

export interface DispatchOptions {
  pollMs: number;
  clock?: () => number;
}

export class NotificationDispatch {
  readonly #sealer: Sealer;
  readonly #clock: () => number;
  readonly #poller: Poller;

  constructor(
    /** The once-an-hour marks (Redis: losing them risks one message too many, nothing else). */
    private readonly store: Store,
    /** Messages held for the morning (PostgreSQL). */
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
   * Sends (or holds) the message about one case to one person who consented to be notified. Returns what
   * happened, for the log and the tests.
   */
  async notify(recipient: Recipient, news: CaseNews): Promise<'SENT' | 'HELD' | 'THROTTLED' | 'NO_CONTACT'> {
    const message = composeMessage(recipient, news);
    if (!message) return 'NO_CONTACT';
    // One opaque name for the person and the case: the store never shows whose case number it is.
    const member = pseudonym(this.secret, `${recipient.nationalId}|${news.agency}|${news.caseNumber}`);
    // One message per person and case per hour; a held message counts from when it was held. The time is
    // kept in the value (by our clock), the TTL only tidies up.
    const now = new Date(this.#clock());
    const recentKey = `notify:recent:${member}`;
    if (!(await this.store.setIfAbsent(recentKey, String(now.getTime()), ONE_PER_MS))) {
      const last = Number(await this.store.get(recentKey));
      if (now.getTime() - last < ONE_PER_MS) return 'THROTTLED';
      await this.store.set(recentKey, String(now.getTime()), ONE_PER_MS);
    }
    const due = message.channel === 'SMS' ? smsMayGoAt(now, news.country) : now;
    if (due.getTime() > now.getTime()) {
      // Held in PostgreSQL: a message promised for the morning outlives a Redis restart.
      await this.db.query(
        `INSERT INTO held_messages (member, sealed, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (member) DO UPDATE SET sealed = EXCLUDED.sealed, due_at = EXCLUDED.due_at`,
        [member, this.#sealer.sealJson(message, `held:${member}`), due],
      );
      return 'HELD';
    }
    await this.notifier.send(message);
    return 'SENT';
  }

  /** Sends the held messages that are due; returns how many went. */
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
      const message = this.#sealer.openJson(sealed, `held:${member}`, held);
      if (message) {
        await this.notifier.send(message);
        sent++;
      }
      await this.db.query('DELETE FROM held_messages WHERE member = $1', [member]);
    }
    return sent;
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
