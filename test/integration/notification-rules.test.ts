/**
 * The rules of outbound notifications, with an injected clock, a real Redis store and a real PostgreSQL:
 * SMS only between 09:00 and 17:00 local time (held until 09:00 otherwise, in PostgreSQL), e-mail at any
 * hour, at most one message per person and case per hour — what comes meanwhile waits and goes in the next
 * one, never dropped — news close together as one message naming a decision, nothing after consent is
 * withdrawn, and texts in the person's language without health details or links.
 */
import pino from 'pino';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { npeDefinition } from '../../src/agencies/npe/definition.js';
import { stpkDefinition } from '../../src/agencies/stpk/definition.js';
import {
  composeMessage,
  NotificationDispatch,
  smsMayGoAt,
  type CaseNews,
  type OutboundMessage,
} from '../../src/notifications/dispatch.js';
import { openDatabase, type Database } from '../../src/records/database.js';
import { migrate } from '../../src/records/migrate.js';
import { connectRedisStore } from '../../src/store/redis.js';
import type { Store } from '../../src/store/index.js';
import { databaseTestUrl, dropSchemas, uniqueSchema } from '../helpers/database.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';

let store: Store;
let db: Database;
const prefix = uniquePrefix();
const schema = uniqueSchema();
beforeAll(async () => {
  store = await connectRedisStore({ urls: [redisTestUrl()], cluster: false, keyPrefix: prefix });
  db = await openDatabase({ url: databaseTestUrl(), schema, poolMax: 2 });
  await migrate(db);
});
// Each test starts with nothing held, so one that fails half-way does not leave a message for the next.
beforeEach(async () => {
  await db.query('DELETE FROM held_messages');
});
afterAll(async () => {
  await store.close();
  await db.close();
  await dropSchemas(schema);
});

const NPE_NEWS: CaseNews = {
  agency: 'npe',
  agencyName: npeDefinition.name,
  country: 'NO',
  caseNumber: '2025-00883',
};
const citizen = { nationalId: '15838510075', lawyer: false, mobile: '+4791234567', email: null };
const lawyer = {
  nationalId: '07856810059',
  lawyer: true,
  mobile: '+4790000000',
  email: 'erik@solberglie.no',
};

/**
 * A dispatcher whose clock the test sets, sending into a list; news gathers for `gatherMs`, and the person
 * wants messages while `wanted` says so.
 */
function dispatcher(gatherMs = 0) {
  const sent: OutboundMessage[] = [];
  let now = 0;
  const state = { wanted: true };
  const dispatch = new NotificationDispatch(
    store,
    db,
    'test-secret',
    { send: async (m) => void sent.push(m) },
    pino({ level: 'silent' }),
    {
      pollMs: 60_000,
      gatherMs,
      stillWanted: async () => state.wanted,
      clock: () => now,
    },
  );
  return { dispatch, sent, state, at: (iso: string) => (now = Date.parse(iso)) };
}

describe('quiet hours', () => {
  it('an SMS at 20:00 in Oslo waits until 09:00 the next morning, then goes once', async () => {
    const { dispatch, sent, at } = dispatcher();
    at('2026-11-23T19:00:00Z'); // 20:00 in Oslo (CET)
    expect(await dispatch.notify(citizen, NPE_NEWS, 'DOCUMENT')).toBe('QUEUED');
    expect(sent).toEqual([]);
    at('2026-11-24T07:59:00Z'); // 08:59
    expect(await dispatch.sendDue()).toBe(0);
    at('2026-11-24T08:00:00Z'); // 09:00
    expect(await dispatch.sendDue()).toBe(1);
    expect(sent).toEqual([expect.objectContaining({ channel: 'SMS', to: citizen.mobile })]);
    expect(await dispatch.sendDue()).toBe(0);
  });

  it('a held message is kept in PostgreSQL with no case number, person or text in clear; Redis only marks the hour', async () => {
    const { dispatch, at } = dispatcher();
    at('2026-11-23T20:00:00Z');
    expect(await dispatch.notify(citizen, { ...NPE_NEWS, caseNumber: '2025-04242' }, 'DECISION')).toBe(
      'QUEUED',
    );
    const held = await db.query('SELECT * FROM held_messages');
    expect(held).toHaveLength(1);
    // The pseudonym and the sealed text are random-looking base64url (a regex over them would find 'npe'
    // now and then, so they are checked by their alphabet); the rest, in clear, shows nothing.
    const [{ member, sealed, ...clear }] = held as [{ member: string; sealed: string }];
    expect(member).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(JSON.stringify(clear)).not.toMatch(
      /2025-04242|npe|pasientskade|15838510075|\+4791234567|DECISION/i,
    );
    // Sent in the morning; then Redis marks the hour, keyed by no case number.
    at('2026-11-24T08:00:00Z');
    expect(await dispatch.sendDue()).toBe(1);
    expect(await db.query('SELECT * FROM held_messages')).toEqual([]);
    const raw = createClient({ url: redisTestUrl() });
    await raw.connect();
    try {
      const keys = await raw.keys(`${prefix}notify:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(await raw.pTTL(key)).toBeGreaterThan(0);
        expect(key).not.toContain('2025-04242');
      }
    } finally {
      await raw.quit();
    }
  });

  it('an SMS in the working day goes at once; an e-mail to a lawyer goes at any hour', async () => {
    const { dispatch, sent, at } = dispatcher();
    at('2026-11-23T09:30:00Z'); // 10:30 in Oslo
    expect(await dispatch.notify(citizen, { ...NPE_NEWS, caseNumber: '2025-00001' }, 'DOCUMENT')).toBe(
      'SENT',
    );
    at('2026-11-23T22:00:00Z'); // 23:00 in Oslo
    expect(await dispatch.notify(lawyer, { ...NPE_NEWS, caseNumber: '2025-00001' }, 'DOCUMENT')).toBe('SENT');
    expect(sent.map((m) => m.channel)).toEqual(['SMS', 'EMAIL']);
  });

  it('16:59 is still day, 17:00 is evening; Copenhagen keeps its own clock', () => {
    expect(smsMayGoAt(new Date('2026-11-23T15:59:00Z'), 'NO').toISOString()).toBe('2026-11-23T15:59:00.000Z');
    expect(smsMayGoAt(new Date('2026-11-23T16:00:00Z'), 'NO').toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(smsMayGoAt(new Date('2026-11-23T05:30:00Z'), 'DK').toISOString()).toBe('2026-11-23T08:00:00.000Z');
    // Summer time: 09:00 in Oslo is 07:00 UTC.
    expect(smsMayGoAt(new Date('2026-06-10T04:00:00Z'), 'NO').toISOString()).toBe('2026-06-10T07:00:00.000Z');
  });
});

describe('one message per case per hour, and nothing dropped', () => {
  it('news within the hour waits for the hour and goes as one message; other cases and people are not held back', async () => {
    const { dispatch, sent, at } = dispatcher();
    const news = { ...NPE_NEWS, caseNumber: '2025-00777' };
    at('2026-11-23T10:00:00Z');
    expect(await dispatch.notify(citizen, news, 'DOCUMENT')).toBe('SENT');
    at('2026-11-23T10:30:00Z');
    expect(await dispatch.notify(citizen, news, 'STEP')).toBe('QUEUED');
    expect(await dispatch.notify(citizen, { ...news, caseNumber: '2025-00778' }, 'DOCUMENT')).toBe('SENT');
    expect(await dispatch.notify(lawyer, news, 'DOCUMENT')).toBe('SENT');
    at('2026-11-23T10:45:00Z');
    expect(await dispatch.notify(citizen, news, 'DOCUMENT')).toBe('GATHERED');
    expect(await dispatch.sendDue()).toBe(0);
    at('2026-11-23T11:00:00Z');
    expect(await dispatch.sendDue()).toBe(1);
    expect(sent).toHaveLength(4);
    expect(sent[3]).toMatchObject({ to: citizen.mobile });
    expect(sent[3]?.text).toBe(
      'Det er 2 nye ting i sak 2025-00777 hos Norsk pasientskadeerstatning. Logg inn på Min side for å se hva som er nytt.',
    );
  });

  it('a letter and a decision two seconds apart make one message, and it names the decision', async () => {
    const { dispatch, sent, at } = dispatcher(120_000);
    const news = { ...NPE_NEWS, caseNumber: '2025-00555' };
    at('2026-11-23T10:00:00Z');
    expect(await dispatch.notify(citizen, news, 'DOCUMENT')).toBe('QUEUED');
    at('2026-11-23T10:00:02Z');
    expect(await dispatch.notify(citizen, news, 'DECISION')).toBe('GATHERED');
    at('2026-11-23T10:01:59Z');
    expect(await dispatch.sendDue()).toBe(0);
    at('2026-11-23T10:02:00Z');
    expect(await dispatch.sendDue()).toBe(1);
    expect(sent.map((m) => m.text)).toEqual([
      'Det er 2 nye ting i sak 2025-00555 hos Norsk pasientskadeerstatning, blant annet et vedtak. Logg inn på Min side for å se hva som er nytt.',
    ]);
  });

  it('a decision minutes after a message is not dropped: it goes when the hour is up', async () => {
    const { dispatch, sent, at } = dispatcher();
    const news = { ...NPE_NEWS, caseNumber: '2025-00556' };
    at('2026-11-23T10:00:00Z');
    expect(await dispatch.notify(citizen, news, 'DOCUMENT')).toBe('SENT');
    at('2026-11-23T10:05:00Z');
    expect(await dispatch.notify(citizen, news, 'DECISION')).toBe('QUEUED');
    at('2026-11-23T11:00:00Z');
    expect(await dispatch.sendDue()).toBe(1);
    expect(sent[1]?.text).toBe(
      'Det er kommet et vedtak i sak 2025-00556 hos Norsk pasientskadeerstatning. Logg inn på Min side for å lese det.',
    );
  });

  it('news during the night becomes one message in the morning', async () => {
    const { dispatch, sent, at } = dispatcher();
    const news = { ...NPE_NEWS, caseNumber: '2025-00999' };
    at('2026-11-23T20:00:00Z');
    expect(await dispatch.notify(citizen, news, 'DOCUMENT')).toBe('QUEUED');
    at('2026-11-23T22:00:00Z');
    expect(await dispatch.notify(citizen, news, 'DOCUMENT')).toBe('GATHERED');
    at('2026-11-24T08:00:00Z');
    expect(await dispatch.sendDue()).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toMatch(/^Det er 2 nye ting i sak 2025-00999 /);
  });

  it('nothing goes to a person who withdrew their consent while the message waited', async () => {
    const { dispatch, sent, state, at } = dispatcher();
    at('2026-11-23T20:00:00Z');
    expect(await dispatch.notify(citizen, { ...NPE_NEWS, caseNumber: '2025-00321' }, 'DECISION')).toBe(
      'QUEUED',
    );
    state.wanted = false;
    at('2026-11-24T08:00:00Z');
    expect(await dispatch.sendDue()).toBe(0);
    expect(sent).toEqual([]);
    expect(await db.query('SELECT * FROM held_messages')).toEqual([]);
  });
});

describe('what a message says', () => {
  it('the agency and the case number in the agency’s language; no link, no health detail', () => {
    const sms = composeMessage(citizen, NPE_NEWS);
    expect(sms?.text).toBe(
      'Det er nytt i sak 2025-00883 hos Norsk pasientskadeerstatning. Logg inn på Min side for å se hva som er nytt.',
    );
    const danish = composeMessage(
      { ...citizen, nationalId: '7503821234' },
      {
        agency: 'stpk',
        agencyName: stpkDefinition('2025-11-01').name,
        country: 'DK',
        caseNumber: '25-000123',
      },
      ['DECISION'],
    );
    expect(danish?.text).toBe(
      'Der er kommet en afgørelse i sag 25-000123 hos Styrelsen for Patientklager. Log ind på Mit Overblik for at læse den.',
    );
    for (const text of [sms?.text, danish?.text]) expect(text).not.toMatch(/https?:|www\.|\/\//);
  });

  it('in the language the person consented in', () => {
    expect(composeMessage({ ...citizen, lang: 'en' }, NPE_NEWS, ['DOCUMENT', 'DECISION'])?.text).toBe(
      'There are 2 new things in case 2025-00883 at Norwegian System of Patient Injury Compensation, among them a decision. Log in to see what is new.',
    );
    expect(composeMessage({ ...citizen, lang: 'nn' }, NPE_NEWS, ['DECISION'])?.text).toBe(
      'Det har kome eit vedtak i sak 2025-00883 hos Norsk pasientskadeerstatning. Logg inn på Mi side for å lese det.',
    );
  });

  it('no message without the contact detail the channel needs', async () => {
    const { dispatch, at } = dispatcher();
    at('2026-11-23T10:00:00Z');
    expect(await dispatch.notify({ ...citizen, mobile: null }, NPE_NEWS, 'DOCUMENT')).toBe('NO_CONTACT');
    expect(await dispatch.notify({ ...lawyer, email: null }, NPE_NEWS, 'DOCUMENT')).toBe('NO_CONTACT');
  });
});
