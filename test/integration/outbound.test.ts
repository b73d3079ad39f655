/**
 * Real outbound messages, as production sends them (NOTIFIER=outbound): e-mail by SMTP to a local SMTP
 * server this test starts (smtp-server), SMS through the documented provider interface to a local fake
 * provider. The dispatcher decides as always (lawyers by e-mail at any hour, others by SMS in the day);
 * what arrives says which case at which agency and nothing about health; a provider that fails keeps the
 * message for the next pass.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npeDefinition } from '../../src/agencies/npe/definition.js';
import { NotificationDispatch, type CaseNews } from '../../src/notifications/dispatch.js';
import { outboundNotifier } from '../../src/notifications/outbound.js';
import { openDatabase, type Database } from '../../src/records/database.js';
import { migrate } from '../../src/records/migrate.js';
import { connectRedisStore } from '../../src/store/redis.js';
import type { Store } from '../../src/store/index.js';
import { configFrom } from '../helpers/config.js';
import { databaseTestUrl, dropSchemas, uniqueSchema } from '../helpers/database.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}
interface Sms {
  authorization: string | undefined;
  body: { from: string; to: string; text: string };
}

const mails: Mail[] = [];
const texts: Sms[] = [];
let smsFails = false;
let smtp: SMTPServer;
let smsProvider: Server;
let store: Store;
let db: Database;
const schema = uniqueSchema();
let dispatch: NotificationDispatch;
let now = 0;

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smsProvider = createServer((request, response) => {
    void body(request).then((text) => {
      if (smsFails) {
        response.writeHead(503).end();
        return;
      }
      texts.push({ authorization: request.headers.authorization, body: JSON.parse(text) as Sms['body'] });
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"sms-1"}');
    });
  });
  await new Promise<void>((resolve) => smsProvider.listen(0, '127.0.0.1', resolve));

  const config = configFrom({
    NOTIFIER: 'outbound',
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    NOTIFY_EMAIL_FROM: 'Min side <ikke-svar@helseklage.example>',
    SMS_API_URL: `http://127.0.0.1:${(smsProvider.address() as AddressInfo).port}/v1/messages`,
    SMS_API_TOKEN: 'sms-provider-token-of-some-length',
  });
  const notifier = outboundNotifier(config.notifications, pino({ level: 'silent' }));
  expect(notifier).not.toBeNull();
  store = await connectRedisStore({ urls: [redisTestUrl()], cluster: false, keyPrefix: uniquePrefix() });
  db = await openDatabase({ url: databaseTestUrl(), schema, poolMax: 2 });
  await migrate(db);
  dispatch = new NotificationDispatch(store, db, 'test-secret', notifier!, pino({ level: 'silent' }), {
    pollMs: 60_000,
    gatherMs: 0,
    stillWanted: async () => true,
    clock: () => now,
  });
});
afterAll(async () => {
  await store.close();
  await db.close();
  await dropSchemas(schema);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise((resolve) => smsProvider.close(resolve));
});

const NEWS: CaseNews = {
  agency: 'npe',
  agencyName: npeDefinition.name,
  country: 'NO',
  caseNumber: '2025-00883',
};
const lawyer = {
  nationalId: '07856810059',
  lawyer: true,
  mobile: '+4790000000',
  email: 'erik@solberglie.no',
};
const citizen = { nationalId: '15838510075', lawyer: false, mobile: '+4791234567', email: null };

describe('outbound messages', () => {
  it('an e-mail to a lawyer arrives at the SMTP server with the expected subject and no health details', async () => {
    now = Date.parse('2026-11-23T22:00:00Z'); // 23:00 in Oslo: e-mail goes at any hour
    expect(await dispatch.notify(lawyer, NEWS, 'DECISION')).toBe('SENT');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.from).toBe('ikke-svar@helseklage.example');
    expect(mail?.to).toEqual(['erik@solberglie.no']);
    expect(mail?.raw).toMatch(/^Subject: Nytt i saken din\r?$/m);
    const text = mail!.raw.replace(/=\r?\n/g, '');
    expect(text).toContain('2025-00883');
    expect(text).toContain('Norsk pasientskadeerstatning');
    expect(text).toContain('Det er kommet et vedtak i sak 2025-00883 hos Norsk pasientskadeerstatning.');
    // The case number and the agency: nothing of the person or their health, no link.
    expect(text).not.toMatch(/07856810059|diagnos|operasjon|behandling|https?:\/\//i);
  });

  it('an SMS in the working day goes to the provider as its interface says', async () => {
    now = Date.parse('2026-11-23T09:30:00Z');
    expect(await dispatch.notify(citizen, { ...NEWS, caseNumber: '2025-00884' }, 'DOCUMENT')).toBe('SENT');
    expect(texts).toEqual([
      {
        authorization: 'Bearer sms-provider-token-of-some-length',
        body: {
          from: 'Helseklage',
          to: '+4791234567',
          text: 'Det er nytt i sak 2025-00884 hos Norsk pasientskadeerstatning. Logg inn på Min side for å se hva som er nytt.',
        },
      },
    ]);
  });

  it('a provider that fails keeps the message: it goes at the next pass', async () => {
    now = Date.parse('2026-11-23T20:00:00Z'); // held until 09:00
    expect(await dispatch.notify(citizen, { ...NEWS, caseNumber: '2025-00885' }, 'DOCUMENT')).toBe('QUEUED');
    now = Date.parse('2026-11-24T08:00:00Z');
    smsFails = true;
    expect(await dispatch.sendDue()).toBe(0);
    smsFails = false;
    // Kept under its one-minute lease, then sent.
    expect(await dispatch.sendDue()).toBe(0);
    now += 60_000;
    expect(await dispatch.sendDue()).toBe(1);
    expect(texts.at(-1)?.body.text).toContain('2025-00885');
  });
});
