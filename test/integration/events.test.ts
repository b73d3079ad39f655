/**
 * Agency events end to end: a mock agency advances a case (its dev route, as a caseworker would) and
 * sends a signed event in its own dialect to the gateway over HTTP. The gateway refuses what it cannot
 * trust, drops what it cached of the case, notifies exactly the people who may see the case and consented,
 * and sends a message (here to the development notifier) without health details or links.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvent } from '../../mocks/agencies/events.js';
import { devEventSecret } from '../../mocks/start.js';
import type { MockCase } from '../../mocks/seed/model.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
// Quiet hours do not apply in this file: the gateway's clock says 10:30 in Oslo.
const started = Date.now();
const daytime = (() => {
  const d = new Date();
  d.setUTCHours(9, 30, 0, 0);
  return d.getTime();
})();

beforeAll(async () => {
  // News goes at once, as in development, rather than after gathering for two minutes as in production
  // (notification-rules.test.ts has that).
  stack = await startTestStack({
    env: { NOTIFY_GATHER_SECONDS: '0' },
    gateway: { clock: () => daytime + (Date.now() - started) },
  });
});
afterAll(async () => {
  await stack.close();
});

interface NotificationsAnswer {
  viewer: {
    notifications: {
      unreadCount: number;
      nodes: { id: string; caseId: string; kind: string; message: string; read: boolean }[];
    };
  };
}

const NOTIFICATIONS =
  '{ viewer { notifications(first: 50) { unreadCount nodes { id caseId kind message read } } } }';

async function notificationsOf(token: string, lang = 'nb') {
  const { body } = await stack.graphql<NotificationsAnswer>(NOTIFICATIONS, {
    token,
    headers: { 'accept-language': lang },
  });
  expect(body.errors).toBeUndefined();
  return body.data?.viewer.notifications ?? { unreadCount: -1, nodes: [] };
}

let chosen: MockCase | undefined;

/**
 * An NPE case early in its timeline (the tests move it on) where lawyer-many represents a party who has no
 * guardian and has never used the portal. The same case for the whole file.
 */
function lawyersCaseInProgress(): MockCase {
  const lawyer = persona('lawyer-many').login.pid;
  chosen ??= stack.mocks.world.cases.npe.find(
    (c) =>
      !c.closedAt &&
      c.steps.filter((s) => s.state === 'CURRENT').length === 1 &&
      c.steps.findIndex((s) => s.state === 'CURRENT') < c.steps.length - 8 &&
      !c.participants.some((p) => p.role === 'GUARDIAN') &&
      c.participants.filter((p) => p.role === 'LAWYER').length === 1 &&
      c.participants.some((p) => p.role === 'LAWYER' && p.nationalId === lawyer && p.emailIsPersonal) &&
      c.participants.some((p) => p.role === 'PARTY' && p.mobile),
  );
  if (!chosen) throw new Error('no suitable case in the seed');
  return chosen;
}

async function postEvent(agency: string, body: string, headers: Record<string, string>) {
  const response = await request(`${stack.url}/events/${agency}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.statusCode, body: (await response.body.json()) as { error?: string } };
}

function signed(
  agency: 'npe' | 'helseklage' | 'stpk',
  body: string,
  id = `msg_${Math.random()}`,
  at = Date.now(),
) {
  const timestamp = Math.floor(at / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signEvent(devEventSecret(agency), id, timestamp, body),
  };
}

describe('agency events', () => {
  it('a step completes: the case changes on the next query; only people with access and consent are notified', async () => {
    const record = lawyersCaseInProgress();
    const caseId = `npe:${record.caseNumber}`;
    const lawyer = await stack.token('lawyer-many');
    const partyPid = record.participants.find((p) => p.role === 'PARTY')?.nationalId ?? '';
    // The party never consented to Mi side; the stranger is on no case.
    const party = await stack.token({ pid: partyPid }, { consent: false });
    const stranger = await stack.token('stranger');
    const before = await notificationsOf(lawyer);

    const CASE = `query($id: ID!) { case(id: $id) { timeline { code state } documents(first: 100) { id } } }`;
    const first = await stack.graphql<{ case: { timeline: { code: string; state: string }[] } }>(CASE, {
      token: lawyer,
      variables: { id: caseId },
    });
    expect(first.body.errors).toBeUndefined();
    const current = first.body.data?.case.timeline.find((s) => s.state === 'CURRENT')?.code;
    expect(current).toBeTruthy();

    const advanced = await request(
      `${stack.mocks.agencies.npe.url}/_mock/cases/${encodeURIComponent(record.caseNumber)}/advance`,
      { method: 'POST' },
    );
    const { events } = (await advanced.body.json()) as {
      events: { status: number; body: { hendelsestype: string } }[];
    };
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.status === 202)).toBe(true);
    expect(events[0]?.body.hendelsestype).toBe('STEG_FULLFORT');

    // The next query shows the new state.
    const next = await stack.graphql<{ case: { timeline: { code: string; state: string }[] } }>(CASE, {
      token: lawyer,
      variables: { id: caseId },
    });
    expect(next.body.data?.case.timeline.find((s) => s.code === current)?.state).toBe('COMPLETED');

    const after = await notificationsOf(lawyer);
    const news = after.nodes.filter((n) => n.caseId === caseId);
    expect(news.length).toBe(events.length);
    expect(after.unreadCount).toBe(before.unreadCount + events.length);
    expect(news.map((n) => n.kind)).toContain('STEP_COMPLETED');
    expect(news.find((n) => n.kind === 'STEP_COMPLETED')?.message).toMatch(/^Steget «.+» er fullført\.$/);
    expect((await notificationsOf(lawyer, 'en')).nodes[news.length - 1]?.message).toMatch(
      /^The step “.+” is completed\.$|^A new document|^A decision/,
    );

    expect((await notificationsOf(party)).nodes).toEqual([]);
    expect((await notificationsOf(stranger)).nodes).toEqual([]);

    // Mark read: the count falls to zero and stays there.
    const marked = await stack.graphql<{ markNotificationsRead: { unreadCount: number; errors: unknown[] } }>(
      'mutation { markNotificationsRead(input: { all: true }) { unreadCount errors { code } } }',
      { token: lawyer },
    );
    expect(marked.body.data?.markNotificationsRead).toEqual({ unreadCount: 0, errors: [] });
    expect((await notificationsOf(lawyer)).nodes.every((n) => n.read)).toBe(true);
  });

  it('messages name the agency and the case number, never health details or links', async () => {
    const record = lawyersCaseInProgress();
    // Advance until a document or a decision comes (the events worth a message outside the portal).
    let sentSomething = false;
    for (let i = 0; i < 12 && !sentSomething; i++) {
      const answer = await request(
        `${stack.mocks.agencies.npe.url}/_mock/cases/${encodeURIComponent(record.caseNumber)}/advance`,
        { method: 'POST' },
      );
      const { events } = (await answer.body.json()) as { events?: { body: { hendelsestype: string } }[] };
      sentSomething = (events ?? []).some((e) => e.body.hendelsestype !== 'STEG_FULLFORT');
    }
    expect(sentSomething).toBe(true);
    const response = await request(`${stack.url}/dev/notifications`);
    const { messages } = (await response.body.json()) as {
      messages: { channel: string; to: string; text: string; subject: string }[];
    };
    const lawyerEmail = record.participants.find((p) => p.role === 'LAWYER')?.email;
    const mine = messages.filter((m) => m.text.includes(record.caseNumber));
    expect(mine.length).toBeGreaterThan(0);
    for (const message of mine) {
      expect(message).toMatchObject({ channel: 'EMAIL', to: lawyerEmail });
      expect(message.text).toContain('Norsk pasientskadeerstatning');
      expect(message.text).not.toMatch(/https?:|www\.|\.no\/|\.dk\//);
      expect(message.text).not.toContain(record.title);
      expect(message.text).not.toContain(record.subject);
      const words = message.text.replace('Norsk pasientskadeerstatning', '').toLowerCase();
      // That a decision came may be said ("vedtak"); what it decided, or anything of the injury, never.
      expect(words).not.toMatch(/avslag|medhold|skade|diagnos|behandling|erstatning/);
    }
    // The party never consented: no SMS to their phone.
    const partyMobile = record.participants.find((p) => p.role === 'PARTY')?.mobile;
    expect(messages.some((m) => m.to === partyMobile)).toBe(false);
  });

  it('the same party, once consented, is notified too: in the portal and by SMS', async () => {
    const record = lawyersCaseInProgress();
    const party = record.participants.find((p) => p.role === 'PARTY');
    const token = await stack.token({ pid: party?.nationalId ?? '' });
    expect((await notificationsOf(token)).nodes).toEqual([]);
    let events = 0;
    let messageWorthy = false;
    for (let i = 0; i < 12 && !messageWorthy; i++) {
      const answer = await request(
        `${stack.mocks.agencies.npe.url}/_mock/cases/${encodeURIComponent(record.caseNumber)}/advance`,
        { method: 'POST' },
      );
      const sent =
        ((await answer.body.json()) as { events?: { body: { hendelsestype: string } }[] }).events ?? [];
      events += sent.length;
      messageWorthy = sent.some((e) => e.body.hendelsestype !== 'STEG_FULLFORT');
    }
    expect((await notificationsOf(token)).nodes).toHaveLength(events);
    const response = await request(`${stack.url}/dev/notifications`);
    const { messages } = (await response.body.json()) as { messages: { channel: string; to: string }[] };
    expect(messages).toContainEqual(expect.objectContaining({ channel: 'SMS', to: party?.mobile }));
  });

  it('Helseklage starting to process a case is news by SMS, in the language the person consented in', async () => {
    const record = stack.mocks.world.cases.helseklage.find((c) => {
      const current = c.steps.find((step) => step.state === 'CURRENT')?.code;
      const party = c.participants.find((p) => p.role === 'PARTY');
      return (
        !c.closedAt &&
        c.participants.length === 1 &&
        party?.mobile &&
        (current === 'IN_QUEUE' || current === 'PROCESSING_STARTED')
      );
    });
    const party = record?.participants[0];
    expect(party).toBeDefined();
    const token = await stack.token({ pid: party!.nationalId }, { consent: false });
    const { body } = await stack.graphql<{ giveConsent: { errors: unknown[] } }>(
      'mutation { giveConsent(input: { agency: "helseklage", notifications: true }) { errors { code } } }',
      { token, headers: { 'accept-language': 'en' } },
    );
    expect(body.data?.giveConsent.errors).toEqual([]);
    // IN_QUEUE ending is no news outside the portal; PROCESSING_STARTED ending is.
    for (
      let i = 0;
      i < 2 && record!.steps.some((s) => s.code === 'PROCESSING_STARTED' && s.state !== 'COMPLETED');
      i++
    )
      await stack.mocks.agencies.helseklage.advance(record!.caseNumber);
    const toParty = async () => {
      const { messages } = (await (await fetch(`${stack.url}/dev/notifications`)).json()) as {
        messages: { channel: string; to: string; text: string }[];
      };
      return messages.filter((m) => m.to === party!.mobile);
    };
    await expect.poll(toParty).toEqual([
      expect.objectContaining({
        channel: 'SMS',
        text: `There is news in case ${record!.caseNumber} at National Office for Health Service Appeals (Helseklage). Log in to see what is new.`,
      }),
    ]);
  });

  it('withdrawing consent at an agency hides its notifications until consent is given again', async () => {
    const party = lawyersCaseInProgress().participants.find((p) => p.role === 'PARTY');
    const token = await stack.token({ pid: party?.nationalId ?? '' });
    const before = await notificationsOf(token);
    expect(before.nodes.length).toBeGreaterThan(0);
    const consent = (change: string) =>
      stack.graphql(
        `mutation { ${change}(input: { agency: "npe"${change === 'giveConsent' ? ', notifications: true' : ''} }) { errors { code } } }`,
        { token },
      );
    await consent('withdrawConsent');
    expect(await notificationsOf(token)).toEqual({ unreadCount: 0, nodes: [] });
    await consent('giveConsent');
    expect((await notificationsOf(token)).nodes).toEqual(before.nodes);
  });

  it('drops the safety-net copy of a case that changed', async () => {
    const record = lawyersCaseInProgress();
    const caseId = `npe:${record.caseNumber}`;
    const lawyer = await stack.token('lawyer-many');
    const CASE = `query($id: ID!) { case(id: $id) { id } cases { agencyStatuses { agency { code } status } } }`;
    await stack.graphql(CASE, { token: lawyer, variables: { id: caseId } });
    await request(
      `${stack.mocks.agencies.npe.url}/_mock/cases/${encodeURIComponent(record.caseNumber)}/advance`,
      {
        method: 'POST',
      },
    );
    stack.mocks.agencies.npe.setFaults({ down: true });
    try {
      const { body } = await stack.graphql<{ case: { id: string } | null }>(CASE, {
        token: lawyer,
        variables: { id: caseId },
      });
      // What was cached of the case is gone: it is unavailable rather than shown as it was.
      expect(body.data?.case ?? null).toBeNull();
      expect(body.errors?.find((e) => e.path?.[0] === 'case')?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
  });

  describe('refuses what it cannot trust', () => {
    const body = JSON.stringify({
      hendelsestype: 'STEG_FULLFORT',
      saksnummer: '2024-00101',
      tidspunkt: new Date().toISOString(),
      steg: 'MOTTATT',
      dokumentId: null,
    });

    it('an unsigned event', async () => {
      expect(await postEvent('npe', body, {})).toMatchObject({ status: 401, body: { error: 'UNSIGNED' } });
    });

    it('an event signed with another secret, or altered after signing', async () => {
      const headers = signed('npe', body);
      const forged = {
        ...headers,
        'webhook-signature': signEvent(
          'not-the-secret',
          headers['webhook-id'],
          Number(headers['webhook-timestamp']),
          body,
        ),
      };
      expect(await postEvent('npe', body, forged)).toMatchObject({
        status: 401,
        body: { error: 'BAD_SIGNATURE' },
      });
      expect(await postEvent('npe', body.replace('MOTTATT', 'I_KO'), headers)).toMatchObject({
        status: 401,
        body: { error: 'BAD_SIGNATURE' },
      });
      // Signed for NPE, sent as Helseklage's.
      expect(await postEvent('helseklage', body, headers)).toMatchObject({ status: 401 });
    });

    it('a stale event', async () => {
      const headers = signed('npe', body, 'msg_stale', Date.now() - 10 * 60_000);
      expect(await postEvent('npe', body, headers)).toMatchObject({ status: 401, body: { error: 'STALE' } });
    });

    it('a replayed event', async () => {
      const record = lawyersCaseInProgress();
      const fresh = JSON.stringify({
        hendelsestype: 'STEG_FULLFORT',
        saksnummer: record.caseNumber,
        tidspunkt: new Date().toISOString(),
        steg: null,
        dokumentId: null,
      });
      const headers = signed('npe', fresh);
      expect((await postEvent('npe', fresh, headers)).status).toBe(202);
      expect(await postEvent('npe', fresh, headers)).toMatchObject({
        status: 409,
        body: { error: 'REPLAYED' },
      });
    });

    it('a body that is not the agency’s event, and an agency that does not exist', async () => {
      const other = JSON.stringify({ eventType: 'case.step_completed', caseNumber: 'x' });
      expect(await postEvent('npe', other, signed('npe', other))).toMatchObject({
        status: 400,
        body: { error: 'MALFORMED' },
      });
      expect(await postEvent('npe', 'not json', signed('npe', 'not json'))).toMatchObject({ status: 400 });
      expect(await postEvent('nowhere', body, signed('npe', body))).toMatchObject({ status: 404 });
    });

    it('when the agency cannot be asked about the case, it may send the event again', async () => {
      const record = lawyersCaseInProgress();
      const event = JSON.stringify({
        hendelsestype: 'STEG_FULLFORT',
        saksnummer: record.caseNumber,
        tidspunkt: new Date().toISOString(),
        steg: null,
        dokumentId: null,
      });
      const headers = signed('npe', event);
      stack.mocks.agencies.npe.setFaults({ down: true });
      try {
        expect(await postEvent('npe', event, headers)).toMatchObject({
          status: 503,
          body: { error: 'UPSTREAM_UNAVAILABLE' },
        });
      } finally {
        stack.mocks.agencies.npe.setFaults({});
      }
      expect((await postEvent('npe', event, headers)).status).toBe(202);
    });
  });
});
