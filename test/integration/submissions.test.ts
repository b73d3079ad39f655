import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../helpers/config.js';
import { SubmissionRecords } from '../../src/submissions/records.js';
import { redisTestUrl, uniquePrefix } from '../helpers/redis.js';
import { until, uploadPdf as uploadSubmissionPdf } from '../helpers/submissions.js';
import { giveConsents, persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitInformationInput!) {
    submitInformation(input: $input) {
      submission {
        id
        state
        createdAt
        deliveredAt
        failureReason
        message
        attachmentCount
      }
      errors {
        code
        reason
        field
      }
    }
  }
`;
const SUBMISSIONS = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id) {
      submissions {
        id
        state
        failureReason
        attachmentCount
      }
    }
  }
`;

interface Submitted {
  submitInformation: {
    submission: {
      id: string;
      state: string;
      deliveredAt: string | null;
      failureReason: string | null;
      attachmentCount: number;
    } | null;
    errors: { code: string; reason: string | null; field: string[] | null }[];
  };
}
interface Listed {
  case: {
    submissions: { id: string; state: string; failureReason: string | null; attachmentCount: number }[];
  } | null;
}

// Without the safety net: a case read from before must not stand in for the agency in these tests.
const FAST_OUTBOX = { OUTBOX_POLL_MS: '50', OUTBOX_BACKOFF_MS: '50', SAFETY_NET_TTL_SECONDS: '0' };
let stack: TestStack;
let ingrid: string;
let caseId: string;
let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${++keyCounter}`;

beforeAll(async () => {
  stack = await startTestStack({ env: FAST_OUTBOX });
  ingrid = await stack.token('citizen-npe-helseklage');
  const own = stack.mocks.world.cases.npe.find((c) =>
    c.participants.some((p) => p.nationalId === persona('citizen-npe-helseklage').login.pid),
  );
  caseId = `npe:${own?.caseNumber}`;
});
afterAll(async () => {
  await stack.close();
});

async function submit(input: Record<string, unknown>, client: GraphClient = stack, token = ingrid) {
  const { body } = await client.graphql<Submitted>(SUBMIT, {
    token,
    variables: { input: { caseId, ...input } },
  });
  expect(body.errors).toBeUndefined();
  return body.data!.submitInformation;
}

/** The person's newest notifications at a gateway. */
async function notifications(client: GraphClient, token: string, lang = 'nb') {
  const { body } = await client.graphql<{
    viewer: {
      notifications: {
        unreadCount: number;
        nodes: { kind: string; caseId: string; message: string; read: boolean }[];
      };
    };
  }>('{ viewer { notifications(first: 5) { unreadCount nodes { kind caseId message read } } } }', {
    token,
    headers: { 'accept-language': lang },
  });
  expect(body.errors).toBeUndefined();
  return body.data!.viewer.notifications;
}

const uploadPdf = () => uploadSubmissionPdf(stack.url, ingrid, caseId);

describe('new information', () => {
  it('reaches the agency once with its attachment, and the case shows it DELIVERED', async () => {
    const uploadId = await uploadPdf();
    const { submission, errors } = await submit({
      message: 'Vedlagt legeerklæring som dokumenterer skaden.',
      uploadIds: [uploadId],
      idempotencyKey: key(),
    });
    expect(errors).toEqual([]);
    expect(submission).toMatchObject({ state: 'DELIVERED', attachmentCount: 1, failureReason: null });
    const received = stack.mocks.agencies.npe.submissions.get(submission?.id ?? '');
    expect(received).toMatchObject({
      caseNumber: caseId.split(':')[1],
      message: 'Vedlagt legeerklæring som dokumenterer skaden.',
      sender: persona('citizen-npe-helseklage').login.pid,
      received: 1,
    });
    expect(received?.attachmentIds).toHaveLength(1);
    expect(stack.mocks.agencies.npe.attachments.get(received?.attachmentIds[0] ?? '')?.filename).toBe(
      'legeerklaering.pdf',
    );
    const { body } = await stack.graphql<Listed>(SUBMISSIONS, { token: ingrid, variables: { id: caseId } });
    expect(body.data?.case?.submissions).toContainEqual({
      id: submission?.id,
      state: 'DELIVERED',
      failureReason: null,
      attachmentCount: 1,
    });
    // What she sent is part of the case, as NPE journals it: the message and the attachment, from her.
    const { body: journal } = await stack.graphql<{
      case: { documents: { title: string; direction: string; sentByViewer: boolean }[] };
    }>('query ($id: ID!) { case(id: $id) { documents { title direction sentByViewer } } }', {
      token: ingrid,
      variables: { id: caseId },
    });
    expect(journal.data?.case.documents).toEqual(
      expect.arrayContaining([
        { title: 'Opplysninger sendt inn via Mi side', direction: 'INCOMING', sentByViewer: true },
        { title: 'legeerklaering.pdf', direction: 'INCOMING', sentByViewer: true },
      ]),
    );
  });

  it('many concurrent calls with one idempotency key deliver once and all answer with the same submission', async () => {
    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => submit({ message: 'Ny opplysning om utgifter.', idempotencyKey })),
    );
    const ids = new Set(results.map((r) => r.submission?.id));
    expect(ids.size).toBe(1);
    const [id = ''] = [...ids];
    expect(stack.mocks.agencies.npe.submissions.get(id)?.received).toBe(1);
    const later = await submit({ message: 'Ny opplysning om utgifter.', idempotencyKey });
    expect(later.submission).toMatchObject({ id, state: 'DELIVERED' });
    expect(stack.mocks.agencies.npe.submissions.get(id)?.received).toBe(1);
    const { body } = await stack.graphql<Listed>(SUBMISSIONS, { token: ingrid, variables: { id: caseId } });
    expect(body.data?.case?.submissions.filter((s) => s.id === id)).toHaveLength(1);
  });

  it('a repeat is answered from the record, even with the agency down', async () => {
    const idempotencyKey = key();
    const uploadId = await uploadPdf();
    const input = { message: 'Kvittering fra fysioterapeut.', uploadIds: [uploadId], idempotencyKey };
    const first = await submit(input);
    expect(first.submission).toMatchObject({ state: 'DELIVERED', attachmentCount: 1 });
    stack.mocks.agencies.npe.setFaults({ down: true });
    try {
      const again = await submit(input);
      expect(again).toEqual({ submission: first.submission, errors: [] });
      // The same key with other attachments is another request.
      expect((await submit({ ...input, uploadIds: [] })).errors[0]?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
  });

  it('the same key for something else is refused', async () => {
    const idempotencyKey = key();
    await submit({ message: 'Første melding.', idempotencyKey });
    const other = await submit({ message: 'En annen melding.', idempotencyKey });
    expect(other).toEqual({
      submission: null,
      errors: [
        { code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] },
      ],
    });
  });

  it('refuses what cannot be sent, saying which field', async () => {
    expect((await submit({ message: '   ', idempotencyKey: key() })).errors[0]?.reason).toBe(
      'MESSAGE_LENGTH',
    );
    expect((await submit({ message: 'Hei', idempotencyKey: 'short' })).errors[0]?.reason).toBe(
      'BAD_IDEMPOTENCY_KEY',
    );
    expect(
      (await submit({ message: 'Hei', idempotencyKey: key(), uploadIds: ['AAAAAAAAAAAAAAAAAAAAAAAA'] }))
        .errors[0],
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UPLOAD_NOT_READY',
      field: ['input', 'uploadIds', '0'],
    });
    const anders = await stack.token('represented-party');
    const his = stack.mocks.world.cases.npe.find((c) =>
      c.participants.some((p) => p.nationalId === persona('represented-party').login.pid),
    );
    const refused = await submit(
      { caseId: `npe:${his?.caseNumber}`, message: 'Hei', idempotencyKey: key() },
      stack,
      anders,
    );
    expect(refused.errors[0]).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
  });

  it('gives up at the horizon when the agency keeps failing, having asked it, with the reason, and nothing arrives', async () => {
    // A horizon of about a second (the setting is in hours).
    const patient = await stack.gatewayWith({ ...FAST_OUTBOX, OUTBOX_GIVE_UP_HOURS: '0.0003' });
    await giveConsents(patient.url, ingrid);
    // Only sending fails: the case can still be read, and the agency asked whether it holds the submission.
    stack.mocks.agencies.npe.setFaults({
      errorRate: 1,
      onlyPaths: [`/api/v1/saker/${caseId.split(':')[1]}/innsendinger`],
      onlyMethods: ['POST'],
    });
    try {
      const { submission } = await submit({ message: 'Prøver igjen.', idempotencyKey: key() }, patient);
      expect(submission).toMatchObject({ state: 'PENDING', failureReason: 'UPSTREAM_HTTP_ERROR' });
      const { body } = await until(
        () => patient.graphql<Listed>(SUBMISSIONS, { token: ingrid, variables: { id: caseId } }),
        (r) => r.body.data?.case?.submissions.find((s) => s.id === submission?.id)?.state === 'FAILED',
      );
      // Observed while the agency still fails: the worker gave up by itself.
      expect(body.data?.case?.submissions.find((s) => s.id === submission?.id)).toMatchObject({
        state: 'FAILED',
        failureReason: 'UPSTREAM_HTTP_ERROR',
      });
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    const { body } = await patient.graphql<Listed>(SUBMISSIONS, { token: ingrid, variables: { id: caseId } });
    const failed = body.data?.case?.submissions.at(-1);
    expect(failed).toMatchObject({ state: 'FAILED', failureReason: 'UPSTREAM_HTTP_ERROR' });
    expect(stack.mocks.agencies.npe.submissions.has(failed?.id ?? '')).toBe(false);
    // She is told, in her language, and what to do.
    // (Told just after the verdict is written: the notification may follow the state by a moment.)
    const told = await until(
      () => notifications(patient, ingrid),
      (n) => n.unreadCount > 0,
    );
    expect(told.unreadCount).toBeGreaterThan(0);
    expect(told.nodes[0]).toMatchObject({ kind: 'SUBMISSION_FAILED', caseId, read: false });
    expect(told.nodes[0]?.message).toMatch(
      /^Det du sendte .+ kom ikke fram til Norsk pasientskadeerstatning, og vi har sluttet å prøve\. Send det på nytt fra saken, eller kontakt Norsk pasientskadeerstatning\.$/,
    );
    // She consented to notifications: an SMS says there is news in the case (or waits for the morning).
    const caseNumber = caseId.split(':')[1] ?? '';
    const smsOrHeld = async () => {
      const sent = await Promise.all(
        [stack.url, patient.url].map(async (url) => {
          const { messages } = (await (await fetch(`${url}/dev/notifications`)).json()) as {
            messages: { channel: string; text: string }[];
          };
          return messages.filter((m) => m.channel === 'SMS' && m.text.includes(caseNumber));
        }),
      );
      const held = await stack.gateway.database.query('SELECT member FROM held_messages');
      return sent.flat().length + held.length;
    };
    expect(await until(smsOrHeld, (n) => n > 0)).toBe(1);
  });
});

describe('accepted during an outage, checked at delivery', () => {
  it('a submission from someone who may not send is never delivered: FAILED, NOT_ALLOWED', async () => {
    const anders = await stack.token('represented-party');
    const his = stack.mocks.world.cases.npe.find((c) =>
      c.participants.some((p) => p.nationalId === persona('represented-party').login.pid),
    );
    const id = `npe:${his?.caseNumber}`;
    stack.mocks.agencies.npe.setFaults({ down: true });
    let submissionId = '';
    try {
      // With the agency down, his rights cannot be checked now: the submission is kept, not refused.
      const { submission } = await submit(
        { caseId: id, message: 'Sendt uten rett.', idempotencyKey: key() },
        stack,
        anders,
      );
      expect(submission).toMatchObject({ state: 'PENDING' });
      submissionId = submission?.id ?? '';
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    const { body } = await until(
      () => stack.graphql<Listed>(SUBMISSIONS, { token: anders, variables: { id } }),
      (r) => r.body.data?.case?.submissions.find((s) => s.id === submissionId)?.state === 'FAILED',
    );
    expect(body.data?.case?.submissions.find((s) => s.id === submissionId)).toMatchObject({
      state: 'FAILED',
      failureReason: 'NOT_ALLOWED',
    });
    expect(stack.mocks.agencies.npe.submissions.has(submissionId)).toBe(false);
    const told = await until(
      () => notifications(stack, anders, 'en'),
      (n) => n.nodes.length > 0,
    );
    expect(told.nodes[0]).toMatchObject({ kind: 'SUBMISSION_FAILED', caseId: id });
    expect(told.nodes[0]?.message).toMatch(/you may no longer send information in this case\. Contact /);
  });
});

describe('the same rule at delivery as at a read', () => {
  /** Sends with the agency down (so nothing can be checked then), then lets it return; the final record. */
  async function sentDuringOutage(who: string, id: string, before?: () => Promise<void>) {
    const token = await stack.token(who);
    // Down for cases and submissions only: consent can still be changed meanwhile.
    stack.mocks.agencies.npe.setFaults({ down: true, onlyPaths: ['/api/v1/saker'] });
    let submission: Submitted['submitInformation']['submission'] = null;
    try {
      ({ submission } = await submit(
        { caseId: id, message: 'Sendt mens NPE var nede.', idempotencyKey: key() },
        stack,
        token,
      ));
      expect(submission).toMatchObject({ state: 'PENDING' });
      await before?.();
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    const submissionId = submission?.id ?? '';
    // The sender may not see the case at all: the outcome is read from the gateway's own record.
    const records = new SubmissionRecords(
      stack.gateway.database,
      configFrom(stack.mocks.gatewayEnvironment()).storeSecret,
    );
    const settled = await until(
      () => records.get(submissionId),
      (r) => r?.state !== 'PENDING',
    );
    return { submissionId, state: { state: settled?.state, failureReason: settled?.failureReason } };
  }

  it('a ward’s submission accepted while the agency was down is refused at delivery: FAILED, NOT_ALLOWED', async () => {
    const astrid = persona('ward').login.pid;
    const hers = stack.mocks.world.cases.npe.find((c) =>
      c.participants.some((p) => p.nationalId === astrid && p.role === 'PARTY'),
    );
    const { submissionId, state } = await sentDuringOutage('ward', `npe:${hers?.caseNumber}`);
    expect(stack.mocks.agencies.npe.submissions.has(submissionId)).toBe(false);
    expect(state).toEqual({ state: 'FAILED', failureReason: 'NOT_ALLOWED' });
  });

  it('consent withdrawn before delivery: the submission is refused at delivery, nothing reaches the agency', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const { submissionId, state } = await sentDuringOutage('citizen-npe-helseklage', caseId, async () => {
      const { body } = await stack.graphql<{ withdrawConsent: { errors: unknown[] } }>(
        'mutation { withdrawConsent(input: { agency: "npe" }) { errors { code } } }',
        { token },
      );
      expect(body.data?.withdrawConsent.errors).toEqual([]);
    });
    await giveConsents(stack.url, token);
    expect(stack.mocks.agencies.npe.submissions.has(submissionId)).toBe(false);
    expect(state).toEqual({ state: 'FAILED', failureReason: 'NOT_ALLOWED' });
  });

  it('a stranger’s submission to someone else’s case, accepted while the agency was down, is refused at delivery', async () => {
    const { submissionId, state } = await sentDuringOutage('stranger', caseId);
    expect(stack.mocks.agencies.npe.submissions.has(submissionId)).toBe(false);
    expect(state).toEqual({ state: 'FAILED', failureReason: 'NOT_ALLOWED' });
  });

  it('a D-number is refused at once, also while the agency is down: nothing is kept to deliver', async () => {
    const tomasz = await stack.token('dnumber');
    stack.mocks.agencies.helseklage.setFaults({ down: true });
    try {
      const his = stack.mocks.world.cases.helseklage.find((c) =>
        c.participants.some((p) => p.nationalId === persona('dnumber').login.pid),
      );
      const answer = await submit(
        { caseId: `helseklage:${his?.caseNumber}`, message: 'Hei.', idempotencyKey: key() },
        stack,
        tomasz,
      );
      expect(answer.submission).toBeNull();
      expect(answer.errors[0]).toMatchObject({ code: 'NOT_ELIGIBLE' });
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });
});

describe('nothing lost', () => {
  it('agency down: accepted as PENDING; the gateway restarts; the agency returns; delivered exactly once', async () => {
    const shared = { ...FAST_OUTBOX, REDIS_URL: redisTestUrl(), REDIS_KEY_PREFIX: uniquePrefix() };
    const before = await stack.gatewayWith(shared);
    await giveConsents(before.url, ingrid);
    stack.mocks.agencies.npe.setFaults({ down: true });
    let id = '';
    try {
      const { submission } = await submit(
        { message: 'Sendt mens etaten var nede.', idempotencyKey: key() },
        before,
      );
      expect(submission).toMatchObject({ state: 'PENDING', failureReason: 'UPSTREAM_UNREACHABLE' });
      id = submission?.id ?? '';
      // The first gateway stops for good while the agency is still down.
      await before.close();
    } finally {
      stack.mocks.agencies.npe.setFaults({});
    }
    expect(stack.mocks.agencies.npe.submissions.has(id)).toBe(false);

    const after = await stack.gatewayWith(shared);
    const { body } = await until(
      () => after.graphql<Listed>(SUBMISSIONS, { token: ingrid, variables: { id: caseId } }),
      (r) => r.body.data?.case?.submissions.find((s) => s.id === id)?.state === 'DELIVERED',
    );
    expect(body.data?.case?.submissions.find((s) => s.id === id)).toMatchObject({ state: 'DELIVERED' });
    expect(stack.mocks.agencies.npe.submissions.get(id)).toMatchObject({
      message: 'Sendt mens etaten var nede.',
      received: 1,
    });
  });
});
