/**
 * The outbox under adversity, as a payments engineer would test it: accepted once, kept durably, delivered
 * once, and the truth told about where each submission is — through a crash at the worst moment, a flushed
 * Redis, an agency that records but answers late, and an agency that hangs while another is well.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Faults } from '../../mocks/agencies/harness.js';
import type { AgencyCode } from '../../mocks/seed/model.js';
import { databaseEnvironment, withDatabase } from '../helpers/database.js';
import { gatewayProcesses } from '../helpers/process.js';
import { deleteKeys, redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import {
  giveConsents,
  postGraphql,
  startTestStack,
  type GraphClient,
  type TestStack,
} from '../helpers/stack.js';
import { until, uploadPdf } from '../helpers/submissions.js';

const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitInformationInput!) {
    submitInformation(input: $input) {
      submission {
        id
        state
      }
      errors {
        code
        reason
      }
    }
  }
`;
interface Answer {
  submitInformation: {
    submission: { id: string; state: string } | null;
    errors: { code: string; reason: string | null }[];
  };
}

/** Where an agency takes submissions to a case (`npe:2025-00617`): what the tests slow down or break. */
function submissionPath(caseId: string): { agency: AgencyCode; path: string } {
  const [agency, caseNumber] = caseId.split(':') as [AgencyCode, string];
  const paths: Partial<Record<AgencyCode, string>> = {
    npe: `/api/v1/saker/${caseNumber}/innsendinger`,
    helseklage: `/api/cases/${caseNumber}/submissions`,
    patienterstatningen: `/v2/claims/${caseNumber}/messages`,
  };
  const path = paths[agency]?.replace(caseNumber, encodeURIComponent(caseNumber));
  if (!path) throw new Error(`${agency} takes no submissions`);
  return { agency, path };
}

/** Makes sending to these cases fail as `faults` say (reads and other cases are untouched). */
function sendingTo(caseIds: string[], faults: Partial<Faults>): void {
  const byAgency = new Map<AgencyCode, string[]>();
  for (const { agency, path } of caseIds.map(submissionPath)) {
    byAgency.set(agency, [...(byAgency.get(agency) ?? []), path]);
  }
  for (const [agency, onlyPaths] of byAgency) {
    stack.mocks.agencies[agency].setFaults({ ...faults, onlyPaths, onlyMethods: ['POST'] });
  }
}

let stack: TestStack;
const processes = gatewayProcesses();

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  processes.killAll();
  await stack.close();
});

interface Item {
  token: string;
  caseId: string;
  message: string;
  idempotencyKey: string;
  uploadIds: string[];
}

/** Sends one submission: the graph's answer, or null when the gateway could not be reached or hung up. */
async function send(url: string, item: Item): Promise<Answer['submitInformation'] | null> {
  let body;
  try {
    ({ body } = await postGraphql<Answer>(url, SUBMIT, {
      token: item.token,
      variables: {
        input: {
          caseId: item.caseId,
          message: item.message,
          idempotencyKey: item.idempotencyKey,
          uploadIds: item.uploadIds,
        },
      },
    }));
  } catch {
    return null;
  }
  expect(body.errors).toBeUndefined();
  return body.data?.submitInformation ?? null;
}

/** Sends one submission that must be taken: the submission, or null when the gateway could not be reached. */
async function sendTaken(url: string, item: Item): Promise<{ id: string; state: string } | null> {
  const answer = await send(url, item);
  expect(answer?.errors ?? [], item.idempotencyKey).toEqual([]);
  return answer?.submission ?? null;
}

/** The submissions' states and attempts' outcomes in a gateway's records, read behind its back. */
async function recorded(schema: string, ids: string[]) {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{
      id: string;
      state: string;
      failure_reason: string | null;
      outcomes: string[];
    }>(
      `SELECT s.id, s.state, s.failure_reason, coalesce(array_agg(a.outcome ORDER BY a.attempt)
                 FILTER (WHERE a.outcome IS NOT NULL), '{}') AS outcomes
         FROM "${schema}".submissions s LEFT JOIN "${schema}".submission_attempts a ON a.submission_id = s.id
        WHERE s.id = ANY($1) GROUP BY s.id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  });
}

const settled = (states: Map<string, { state: string }>, ids: string[]) =>
  ids.every((id) => states.has(id) && states.get(id)?.state !== 'PENDING');

/** The cases in which a person may send new information, by the graph's own answer. */
async function sendableCases(url: string, token: string): Promise<string[]> {
  const { body } = await postGraphql<{
    cases: { nodes: { id: string; viewerCan: { submitInformation: boolean } }[] };
  }>(url, '{ cases(first: 100) { nodes { id viewerCan { submitInformation } } } }', { token });
  return (body.data?.cases.nodes ?? []).filter((c) => c.viewerCan.submitInformation).map((c) => c.id);
}

/** Uploads a file again as a portal does after a 503: a while later, for at most 30 s. */
async function uploadOnceTaken(url: string, item: Item): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await uploadPdf(url, item.token, item.caseId);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function heldAt(id: string) {
  return Object.values(stack.mocks.agencies)
    .map((mock) => mock.submissions.get(id))
    .filter((held) => held !== undefined);
}

describe('two hundred submissions through a crash, a flushed Redis and a second instance', () => {
  it('delivers every accepted submission exactly once: none lost, none doubled', async () => {
    const prefix = uniquePrefix();
    const database = databaseEnvironment();
    const env = {
      ...stack.mocks.gatewayEnvironment(),
      ...database,
      REDIS_URL: redisTestUrl(),
      REDIS_KEY_PREFIX: prefix,
      OUTBOX_POLL_MS: '100',
      OUTBOX_BACKOFF_MS: '100',
      // An attempt may take 2 s; the request waits 0.5 s for the first one.
      REQUEST_DEADLINE_MS: '2000',
    };
    const start = () => processes.start(env);
    const first = await start();

    // Several people, each in every case where they may send; attachments uploaded while the agencies are up.
    const run = Date.now().toString(36);
    // (The Norwegian portals ask for consent; Patienterstatningen does not.)
    const people = ['citizen-npe-helseklage', 'proxy', 'bereaved', 'citizen-dk-compensation'];
    const senders = await Promise.all(
      people.map(async (who) => {
        const token = await stack.token(who, { consent: false });
        if (who !== 'citizen-dk-compensation') await giveConsents(first.url, token);
        const cases = await sendableCases(first.url, token);
        const uploads = new Map(
          await Promise.all(cases.map(async (c) => [c, await uploadPdf(first.url, token, c)] as const)),
        );
        return { who, token, cases, uploads };
      }),
    );
    expect(senders.every((s) => s.cases.length > 0)).toBe(true);
    const items: Item[] = Array.from({ length: 200 }, (_, i) => {
      // Every tenth is the one before sent again, as a client that did not hear the answer does.
      const n = i % 10 === 9 ? i - 1 : i;
      const sender = senders[n % senders.length]!;
      const caseId = sender.cases[Math.floor(n / senders.length) % sender.cases.length]!;
      return {
        token: sender.token,
        caseId,
        message: `Ny opplysning nr. ${n} i saken (${run}).`,
        idempotencyKey: `outbox-${run}-${n}`,
        uploadIds: n % 4 === 0 ? [sender.uploads.get(caseId)!] : [],
      };
    });
    const keys = new Set(items.map((item) => item.idempotencyKey));

    // The agencies take nothing: each sending hangs until the gateway gives up on it.
    const everyCase = senders.flatMap((s) => s.cases);
    sendingTo(everyCase, { delayMs: 60_000 });
    const accepted = new Map<string, string>();
    const unanswered: Item[] = [];
    const noteAnswer = (item: Item, id: string) => {
      // One key, one submission, whichever instance answered.
      expect(accepted.get(item.idempotencyKey) ?? id).toBe(id);
      accepted.set(item.idempotencyKey, id);
    };
    let killed = false;
    let inFlightAtTheAgencies = 0;
    const queue = [...items];
    // Closed while the test picks its moment, so that the senders do not run out of items meanwhile.
    let gate = Promise.resolve();
    const workers = Array.from({ length: 20 }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        await gate;
        const answer = killed ? null : await sendTaken(first.url, item);
        if (answer) noteAnswer(item, answer.id);
        else unanswered.push(item);
      }
    });
    // The worst moment: submissions recorded with their first attempts under way, others mid-request.
    await until(
      async () => accepted.size,
      (n) => n >= 80,
      60_000,
    );
    let reopen = (): void => undefined;
    gate = new Promise((resolve) => (reopen = resolve));
    // …at an instant when sendings hang at the agencies (attempts end after 2 s and wait out a backoff, and a
    // breaker may be sparing an agency for a while: such an instant comes, but not at every instant).
    inFlightAtTheAgencies = await until(
      async () => Object.values(stack.mocks.agencies).reduce((n, m) => n + m.stats.inFlight, 0),
      (n) => n > 0,
      20_000,
    );
    first.child.kill('SIGKILL');
    killed = true;
    reopen();
    await Promise.all(workers);
    expect(inFlightAtTheAgencies).toBeGreaterThan(0);
    expect(unanswered.length).toBeGreaterThan(0);

    // Everything Redis held is gone.
    const redis = createClient({ url: redisTestUrl() });
    await redis.connect();
    await deleteKeys(redis, prefix);
    await redis.quit();

    // The gateway comes back, with a second instance beside it; the people send what went unanswered
    // again, and some of what was answered too.
    const [again, second] = await Promise.all([start(), start()]);
    const resend = [
      ...new Map(unanswered.map((item) => [item.idempotencyKey, item])).values(),
      ...items.filter((item) => accepted.has(item.idempotencyKey)).slice(0, 40),
    ];
    const uploadGone: Item[] = [];
    await Promise.all(
      resend.map(async (item, i) => {
        const answer = await send(i % 2 ? again.url : second.url, item);
        // Never recorded, and its upload went with Redis: the portal asks for the file again.
        if (answer?.errors[0]?.reason === 'UPLOAD_NOT_READY') {
          uploadGone.push(item);
          return;
        }
        expect(answer?.errors, item.idempotencyKey).toEqual([]);
        noteAnswer(item, answer!.submission!.id);
      }),
    );

    // The agencies are well again: the outbox delivers, and what could not be sent is sent with its file
    // uploaded again (once the agency takes files: its breaker may still be open a while).
    for (const mock of Object.values(stack.mocks.agencies)) mock.setFaults({});
    for (const item of uploadGone) {
      item.uploadIds = [await uploadOnceTaken(again.url, item)];
      noteAnswer(item, (await sendTaken(again.url, item))!.id);
    }
    expect(accepted.size).toBe(keys.size);
    const ids = [...accepted.values()];
    expect(new Set(ids).size).toBe(keys.size);
    const states = await until(
      () => recorded(database.DATABASE_SCHEMA, ids),
      (s) => settled(s, ids),
      90_000,
    );
    expect(ids.filter((id) => states.get(id)?.state !== 'DELIVERED')).toEqual([]);
    for (const [key, id] of accepted) {
      const held = heldAt(id);
      // Held by one agency, once, sent once: no attempt reached the agency twice.
      expect(held, key).toHaveLength(1);
      expect(held[0]?.received, key).toBe(1);
      const item = items.find((it) => it.idempotencyKey === key)!;
      expect(held[0]).toMatchObject({ message: item.message, caseNumber: item.caseId.split(':')[1] });
      expect(held[0]?.attachmentIds).toHaveLength(item.uploadIds.length);
    }
    // And nothing else of this run reached any agency.
    const arrived = Object.values(stack.mocks.agencies).flatMap((mock) =>
      [...mock.submissions.values()].filter((s) => s.message.includes(`(${run})`)),
    );
    expect(arrived).toHaveLength(keys.size);
  }, 240_000);
});

describe('agencies that are slow', () => {
  let gateway: GraphClient;
  let schema: string;
  let ingrid: string;
  let npeCase: string;
  let helseklageCase: string;

  beforeAll(async () => {
    const database = databaseEnvironment();
    schema = database.DATABASE_SCHEMA;
    gateway = await stack.gatewayWith({
      ...database,
      OUTBOX_POLL_MS: '50',
      OUTBOX_BACKOFF_MS: '50',
      OUTBOX_CONCURRENCY: '2',
      SAFETY_NET_TTL_SECONDS: '0',
      // The breakers stay closed: the agencies' slots, not a breaker, must keep one from holding the other.
      UPSTREAM_BREAKER_FAILURES: '1000',
      // A hanging call holds its slot for the whole attempt (the request's 8 s), not a shorter call timeout.
      UPSTREAM_TIMEOUT_MS: '20000',
    });
    ingrid = await stack.token('citizen-npe-helseklage', { consent: false });
    await giveConsents(gateway.url, ingrid);
    const cases = await sendableCases(gateway.url, ingrid);
    npeCase = cases.find((c) => c.startsWith('npe:'))!;
    helseklageCase = cases.find((c) => c.startsWith('helseklage:'))!;
  });
  afterAll(() => {
    for (const mock of Object.values(stack.mocks.agencies)) mock.setFaults({});
  });

  const item = (caseId: string, n: number, what: string): Item => ({
    token: ingrid,
    caseId,
    message: `${what} ${n}.`,
    idempotencyKey: `${what.replace(/\W/g, '')}-${Date.now()}-${n}`,
    uploadIds: [],
  });

  it('an agency that records a submission but answers late never has it called FAILED', async () => {
    // Its own gateway: attempts time out after 1 s and the horizon is about a second, so every
    // submission meets both a retry and the give-up verdict while the agency is late.
    const database = databaseEnvironment();
    const hasty = await stack.gatewayWith({
      ...database,
      OUTBOX_POLL_MS: '50',
      OUTBOX_BACKOFF_MS: '50',
      REQUEST_DEADLINE_MS: '1000',
      OUTBOX_GIVE_UP_HOURS: '0.0003',
      SAFETY_NET_TTL_SECONDS: '0',
    });
    await giveConsents(hasty.url, ingrid);
    sendingTo([npeCase], { answerDelayMs: 2_500 });
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, n) => sendTaken(hasty.url, item(npeCase, n, 'Kommer svaret sent'))),
    );
    const ids = sent.map((s) => s!.id);
    expect(sent.every((s) => s?.state === 'PENDING')).toBe(true);
    const states = await until(
      () => recorded(database.DATABASE_SCHEMA, ids),
      (s) => settled(s, ids),
      20_000,
    );
    stack.mocks.agencies.npe.setFaults({});
    for (const id of ids) {
      const record = states.get(id);
      expect(record, id).toMatchObject({ state: 'DELIVERED' });
      // Found by asking the agency, not sent again: the agency holds it once, from one sending.
      expect(record?.outcomes.at(-1), id).toBe('FOUND_AT_AGENCY');
      expect(record?.outcomes).not.toContain('GAVE_UP');
      expect(stack.mocks.agencies.npe.submissions.get(id)?.received, id).toBe(1);
    }
  }, 60_000);

  it('a hanging agency does not hold back another agency’s deliveries', async () => {
    // Helseklage takes every sending and never answers; NPE fails just while the sending is made.
    sendingTo([helseklageCase], { delayMs: 60_000 });
    const stuck = await Promise.all(
      Array.from({ length: 6 }, (_, n) => sendTaken(gateway.url, item(helseklageCase, n, 'Til Helseklage'))),
    );
    sendingTo([npeCase], { errorRate: 1 });
    const waiting = await Promise.all(
      Array.from({ length: 6 }, (_, n) => sendTaken(gateway.url, item(npeCase, n, 'Til NPE'))),
    );
    expect([...stuck, ...waiting].map((s) => s?.state)).toEqual(Array(12).fill('PENDING'));
    stack.mocks.agencies.npe.setFaults({});

    // NPE's arrive while Helseklage's attempts are still hanging (each takes the request's 8 s budget).
    const npeIds = waiting.map((s) => s!.id);
    const states = await until(
      () => recorded(schema, npeIds),
      (s) => npeIds.every((id) => s.get(id)?.state === 'DELIVERED'),
      5_000,
    );
    expect(npeIds.map((id) => states.get(id)?.state)).toEqual(Array(6).fill('DELIVERED'));
    expect(stack.mocks.agencies.helseklage.stats.inFlight).toBeGreaterThan(0);
    expect(stuck.filter((s) => stack.mocks.agencies.helseklage.submissions.has(s!.id))).toEqual([]);

    // Helseklage heals: its submissions follow, each once.
    stack.mocks.agencies.helseklage.setFaults({});
    const helseklageIds = stuck.map((s) => s!.id);
    const later = await until(
      () => recorded(schema, helseklageIds),
      (s) => helseklageIds.every((id) => s.get(id)?.state === 'DELIVERED'),
      40_000,
    );
    expect(helseklageIds.map((id) => later.get(id)?.state)).toEqual(Array(6).fill('DELIVERED'));
    for (const id of helseklageIds)
      expect(stack.mocks.agencies.helseklage.submissions.get(id)?.received).toBe(1);
  }, 90_000);

  it('a gateway that stops while an attempt hangs gives the submission back at once, and another delivers it', async () => {
    const database = databaseEnvironment();
    const env = {
      ...database,
      OUTBOX_POLL_MS: '50',
      OUTBOX_BACKOFF_MS: '50',
      UPSTREAM_BREAKER_FAILURES: '1000',
      UPSTREAM_TIMEOUT_MS: '20000',
      SHUTDOWN_GRACE_SECONDS: '3',
    };
    const stopping = await stack.gatewayWith(env);
    await giveConsents(stopping.url, ingrid);
    sendingTo([npeCase], { delayMs: 30_000 });
    const sent = await sendTaken(stopping.url, item(npeCase, 1, 'Given back'));
    expect(sent?.state).toBe('PENDING');
    const id = sent!.id;

    const stoppedAt = Date.now();
    await stopping.close();
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
    // Not held until its lease (17 s from the attempt) runs out: due at once, for whoever comes next.
    const [row] = await withDatabase(
      async (client) =>
        (
          await client.query<{ state: string; due_at: Date }>(
            `SELECT state, due_at FROM "${database.DATABASE_SCHEMA}".submissions WHERE id = $1`,
            [id],
          )
        ).rows,
    );
    expect(row?.state).toBe('PENDING');
    expect(row!.due_at.getTime()).toBeLessThanOrEqual(Date.now());

    stack.mocks.agencies.npe.setFaults({});
    const next = await stack.gatewayWith(env);
    const delivered = await until(
      () => recorded(database.DATABASE_SCHEMA, [id]),
      (states) => states.get(id)?.state === 'DELIVERED',
      10_000,
    );
    expect(delivered.get(id)?.state).toBe('DELIVERED');
    expect(heldAt(id)).toHaveLength(1);
    await next.close();
  }, 60_000);
});
