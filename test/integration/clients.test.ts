/**
 * The graph as frontend teams meet it: Apollo Client 4 and urql 6, configured as the README shows, run the
 * client kit's operations against a real gateway over HTTP — with and without the safelist — and every
 * field arrives, also those selected through fragments into a normalized cache.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { readFileSync } from 'node:fs';
import { createClient as createWsClient, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedQueryHash, persistedRequest } from '../../operations/client.js';
import { createApolloClient } from '../../operations/recipes/apollo-client.js';
import { caseEventsById, createLiveClient } from '../../operations/recipes/graphql-ws.js';
import { createUrqlClient } from '../../operations/recipes/urql.js';
import {
  CaseEventsDocument,
  CasePageDocument,
  DashboardDocument,
  GiveConsentDocument,
  type CasePageQuery,
  type DashboardQuery,
} from '../../operations/generated/graphql.js';
import { REGISTRY_PATH, type Registry } from '../../src/persisted-operations.js';
import { advance, appealInProgress } from '../helpers/cases.js';
import { Browser } from '../helpers/browser.js';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';
import { giveConsents, persona, startTestStack, type GraphClient, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
let safelisted: GraphClient;
let ingrid: string;

beforeAll(async () => {
  stack = await startTestStack();
  // The safelisted gateway shares the store (so the event reaches it) and checks logins every second.
  safelisted = await stack.gatewayWith({ SAFELIST: 'on', EVENT_STREAM_LOGIN_CHECK_SECONDS: '1' });
  ingrid = await stack.token('citizen-npe-helseklage');
  // Consent at first use, on the safelisted gateway too (each test gateway keeps its own records).
  for (const agency of ['npe', 'helseklage']) {
    const answer = await fetch(`${safelisted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingrid}` },
      body: JSON.stringify(persistedRequest(GiveConsentDocument, { input: { agency, notifications: true } })),
    });
    expect(answer.status).toBe(200);
  }
});
afterAll(async () => {
  await stack.close();
});

/** fetch, counting what goes out: method and the operation's parameters as sent. */
function countingFetch() {
  const sent: { method: string; url: string; body: Record<string, unknown> | null }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    sent.push({
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : input.toString(),
      body,
    });
    return fetch(input, init);
  };
  return { sent, fetchFn };
}

/** The README's Apollo Client recipe; by GET, with the one option a team that wants GET adds to it. */
function apollo(url: string, token: string, options: { get?: boolean } = {}) {
  const { sent, fetchFn } = countingFetch();
  const init = { headers: { authorization: `Bearer ${token}` }, fetch: fetchFn };
  const client = options.get
    ? new ApolloClient({
        cache: new InMemoryCache(),
        link: new PersistedQueryLink({
          generateHash: persistedQueryHash,
          useGETForHashedQueries: true,
        }).concat(new HttpLink({ uri: `${url}/graphql`, ...init })),
      })
    : createApolloClient(`${url}/graphql`, init);
  return { client, sent };
}

describe('Apollo Client 4 with the client kit', () => {
  for (const [mode, target] of [
    ['with the safelist', () => safelisted.url],
    ['without the safelist', () => stack.url],
  ] as const)
    for (const get of [false, true])
      it(`runs Dashboard and CasePage in one round trip each, ${mode}, by ${get ? 'GET' : 'POST'}, every fragment field in the cache`, async () => {
        const { client, sent } = apollo(target(), ingrid, { get });
        const dashboard = await client.query({ query: DashboardDocument, variables: { first: 20 } });
        expect(dashboard.error).toBeUndefined();
        const cases = (dashboard.data as DashboardQuery).cases;
        expect(cases.totalCount).toBeGreaterThan(0);
        const record = appealInProgress(stack.mocks.world);
        const page = await client.query({
          query: CasePageDocument,
          variables: { id: `helseklage:${record.caseNumber}` },
        });
        expect(page.error).toBeUndefined();
        const found = (page.data as CasePageQuery).case;
        expect(found?.caseNumber).toBe(record.caseNumber);
        const timeline = found?.timeline ?? [];
        // The main view: each step with all the fields its fragment selects, none dropped by the cache.
        expect(timeline.length).toBe(record.steps.length);
        for (const step of timeline)
          expect(Object.keys(step).sort()).toEqual([
            '__typename',
            'code',
            'completedAt',
            'expectedAt',
            'label',
            'state',
          ]);
        expect(timeline.map((s) => s.code)).toEqual(record.steps.map((s) => s.code));
        expect(timeline.every((s) => s.label.length > 0)).toBe(true);
        for (const node of cases.nodes)
          for (const step of node.timeline ?? []) expect(step.label).toBeTruthy();
        // One request per operation, by the manifest's id, never the text.
        expect(sent).toHaveLength(2);
        for (const request of sent) {
          expect(request.method).toBe(get ? 'GET' : 'POST');
          if (get) expect(new URL(request.url).searchParams.has('query')).toBe(false);
          else expect(request.body?.query).toBeUndefined();
        }
      });
});

describe('urql 6 with the client kit', () => {
  /** The README's urql recipe (queries by GET); by POST, as a team that does not want GET would set it up. */
  function urql(url: string, preferGetMethod: boolean) {
    const { sent, fetchFn } = countingFetch();
    if (preferGetMethod)
      return {
        client: createUrqlClient(`${url}/graphql`, {
          headers: { authorization: `Bearer ${ingrid}` },
          fetch: fetchFn,
        }),
        sent,
      };
    const client = new Client({
      url: `${url}/graphql`,
      preferGetMethod,
      fetch: fetchFn,
      fetchOptions: { headers: { authorization: `Bearer ${ingrid}` } },
      exchanges: [
        cacheExchange,
        persistedExchange({
          preferGetForPersistedQueries: preferGetMethod,
          generateHash: async (_query, document) => persistedQueryHash(document),
        }),
        fetchExchange,
      ],
    });
    return { client, sent };
  }

  for (const preferGetMethod of [true, false])
    it(`runs Dashboard by ${preferGetMethod ? 'GET' : 'POST'} under the safelist`, async () => {
      const { client, sent } = urql(safelisted.url, preferGetMethod);
      const result = await client.query(DashboardDocument, { first: 20 }).toPromise();
      expect(result.error).toBeUndefined();
      expect(result.data?.cases.totalCount).toBeGreaterThan(0);
      expect(result.data?.cases.nodes[0]?.timeline?.[0]?.label).toBeTruthy();
      expect(sent.map((r) => r.method)).toEqual([preferGetMethod ? 'GET' : 'POST']);
    });
});

describe('urql 6, the README’s recipe, under the safelist', () => {
  it('sends mutations by their id too (urql sends them as text unless told)', async () => {
    const client = createUrqlClient(`${safelisted.url}/graphql`, {
      headers: { authorization: `Bearer ${ingrid}` },
    });
    const result = await client
      .mutation(GiveConsentDocument, { input: { agency: 'npe', notifications: true } })
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.giveConsent.errors).toEqual([]);
  });
});

describe('urql 6 sending operations as text', () => {
  it('is told by GET, in its language, what cross-site request forgery prevention needs; with the header it runs', async () => {
    const plain = (headers: Record<string, string>) =>
      new Client({
        url: `${stack.url}/graphql`,
        preferGetMethod: true,
        fetchOptions: { headers: { authorization: `Bearer ${ingrid}`, 'accept-language': 'nn', ...headers } },
        exchanges: [fetchExchange],
      });
    const refused = await plain({}).query(DashboardDocument, { first: 5 }).toPromise();
    expect(refused.error?.graphQLErrors[0]?.extensions.code).toBe('PREFLIGHT_REQUIRED');
    expect(refused.error?.graphQLErrors[0]?.message).toMatch(/^Førespurnaden vart stoppa/);
    const answered = await plain({ 'apollo-require-preflight': 'true' })
      .query(DashboardDocument, { first: 5 })
      .toPromise();
    expect(answered.error).toBeUndefined();
    expect(answered.data?.cases.totalCount).toBeGreaterThan(0);
  });
});

describe('operations that outlive a deploy', () => {
  it('answers an id of an earlier release whose operation has changed since', async () => {
    const registry = JSON.parse(readFileSync(REGISTRY_PATH, 'utf8')) as Registry;
    const current = persistedQueryHash(CasePageDocument);
    const earlier = Object.entries(registry).find(
      ([id, entry]) => entry.operation === 'CasePage' && !entry.retired && id !== `sha256:${current}`,
    );
    expect(earlier).toBeDefined();
    const record = appealInProgress(stack.mocks.world);
    const answer = await fetch(`${safelisted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingrid}` },
      body: JSON.stringify({
        documentId: earlier?.[0],
        variables: { id: `helseklage:${record.caseNumber}` },
      }),
    });
    const body = (await answer.json()) as { data?: { case: { caseNumber: string; timeline: unknown[] } } };
    expect(answer.status).toBe(200);
    expect(body.data?.case.caseNumber).toBe(record.caseNumber);
    expect(body.data?.case.timeline).toHaveLength(record.steps.length);
  });
});

/** What a subscription delivered, as the client handed it over. */
interface Delivery {
  data: unknown[];
  errors: unknown[];
  completed: boolean;
}

/** Waits until a subscription has delivered something; `what` says what is still missing. */
async function until(delivery: Delivery, done: (d: Delivery) => boolean, what: string, timeoutMs = 5_000) {
  const start = Date.now();
  while (!done(delivery)) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(delivery)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the server has the person's stream open (it listens from then on), by moving nothing. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('live case events through the clients’ own transports', () => {
  it('reach Apollo Client 4 over multipart HTTP on /graphql, by the registered id', async () => {
    const { client, sent } = apollo(stack.url, ingrid);
    const delivery: Delivery = { data: [], errors: [], completed: false };
    const subscription = client.subscribe({ query: CaseEventsDocument }).subscribe({
      next: (result) => (result.error ? delivery.errors.push(result.error) : delivery.data.push(result.data)),
      error: (error) => delivery.errors.push(error),
      complete: () => (delivery.completed = true),
    });
    try {
      await settle();
      const record = appealInProgress(stack.mocks.world);
      await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await until(delivery, (d) => d.data.length > 0, 'an event');
      expect(delivery.errors).toEqual([]);
      expect(delivery.data[0]).toMatchObject({
        caseEvents: {
          caseId: `helseklage:${record.caseNumber}`,
          kind: 'STEP_COMPLETED',
          agency: { code: 'helseklage' },
        },
      });
      expect(sent[0]?.body?.query).toBeUndefined();
    } finally {
      subscription.unsubscribe();
    }
  });

  it('reach urql 6 with fetchSubscriptions (an event stream on /graphql), by the registered id', async () => {
    const { sent, fetchFn } = countingFetch();
    const client = createUrqlClient(`${stack.url}/graphql`, {
      headers: { authorization: `Bearer ${ingrid}` },
      fetch: fetchFn,
    });
    const delivery: Delivery = { data: [], errors: [], completed: false };
    const subscription = client.subscription(CaseEventsDocument, {}).subscribe((result) => {
      if (result.error) delivery.errors.push(result.error);
      else if (result.data) delivery.data.push(result.data);
    });
    try {
      await settle();
      const record = appealInProgress(stack.mocks.world);
      await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await until(delivery, (d) => d.data.length > 0, 'an event');
      expect(delivery.errors).toEqual([]);
      expect(delivery.data[0]).toMatchObject({ caseEvents: { caseId: `helseklage:${record.caseNumber}` } });
      // By its id, as the safelist requires: never the text.
      expect(sent).toHaveLength(1);
      expect(sent[0]?.body?.query).toBeUndefined();
    } finally {
      subscription.unsubscribe();
    }
  });

  it('end with UNAUTHENTICATED within seconds when the login expires, without any event', async () => {
    const pid = persona('citizen-npe-helseklage').login.pid ?? '';
    const shortLived = await stack.token({ pid, expires_in: 3 }, { consent: false });
    const { client } = apollo(safelisted.url, shortLived);
    const delivery: Delivery = { data: [], errors: [], completed: false };
    const started = Date.now();
    const subscription = client.subscribe({ query: CaseEventsDocument }).subscribe({
      next: (result) => (result.error ? delivery.errors.push(result.error) : delivery.data.push(result.data)),
      error: (error) => delivery.errors.push(error),
      complete: () => (delivery.completed = true),
    });
    try {
      // Open while the token holds…
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(delivery).toEqual({ data: [], errors: [], completed: false });
      // …and told as soon as it expires, though nothing happened in the meantime.
      await until(delivery, (d) => d.errors.length > 0, 'the end of the login', 6_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(delivery.data).toEqual([]);
      expect(JSON.stringify(delivery.errors[0])).toContain('UNAUTHENTICATED');
    } finally {
      subscription.unsubscribe();
    }
  });

  it('refuse a subscription sent where no transport serves it: a clear 400 with a code, nothing logged as failure', async () => {
    const answer = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${ingrid}`,
      },
      body: JSON.stringify({ query: 'subscription { caseEvents { id } }' }),
    });
    const body = (await answer.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(answer.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('SUBSCRIPTION_TRANSPORT_REQUIRED');
    expect(body.errors[0]?.message).toMatch(/multipart\/mixed;subscriptionSpec=1\.0/);
  });
});

describe('live case events over WebSocket (graphql-ws, what Apollo Sandbox uses)', () => {
  /** A graphql-ws client as a browser would open it: from an origin, with the cookies it has. */
  function wsClient(
    url: string,
    options: { headers?: Record<string, string>; params?: Record<string, unknown> },
  ) {
    class BrowserLikeSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: options.headers });
      }
    }
    const closed: { code?: number } = {};
    const client = createWsClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: BrowserLikeSocket,
      connectionParams: options.params,
      retryAttempts: 0,
      lazy: false,
      // (The refusal is observed by its close code; graphql-ws would also print it.)
      onNonLazyError: () => undefined,
      on: { closed: (event) => (closed.code = (event as { code?: number }).code) },
    });
    return { client, closed };
  }

  function listen(client: ReturnType<typeof createWsClient>, operation: string | SubscribePayload) {
    const delivery: Delivery = { data: [], errors: [], completed: false };
    const stop = client.subscribe(typeof operation === 'string' ? { query: operation } : operation, {
      next: (result) =>
        result.errors ? delivery.errors.push(result.errors) : delivery.data.push(result.data),
      error: (error) => delivery.errors.push(error),
      complete: () => (delivery.completed = true),
    });
    return { delivery, stop };
  }

  const CASE_EVENTS = 'subscription { caseEvents { caseId kind message } }';

  it('reach a person logged in with the session cookie, as Sandbox opens the socket', async () => {
    const browser = new Browser();
    const cookie = await browser.logIn(stack.url, persona('citizen-npe-helseklage').login.pid ?? '');
    await giveConsents(stack.url, ingrid);
    const { client } = wsClient(stack.url, {
      headers: { origin: stack.url, cookie: `${SESSION_COOKIE}=${cookie}`, 'accept-language': 'nn' },
    });
    const { delivery, stop } = listen(client, CASE_EVENTS);
    try {
      await settle();
      const record = appealInProgress(stack.mocks.world);
      await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await until(delivery, (d) => d.data.length > 0, 'an event');
      expect(delivery.errors).toEqual([]);
      const [first] = delivery.data as { caseEvents: { caseId: string; kind: string; message: string } }[];
      expect(first?.caseEvents).toMatchObject({
        caseId: `helseklage:${record.caseNumber}`,
        kind: 'STEP_COMPLETED',
      });
      // In the language the browser asks for (nynorsk here).
      expect(first?.caseEvents.message).toMatch(/^Steget «.+» er fullført\.$/);
    } finally {
      stop();
      await client.dispose();
    }
  });

  it('reach a client with a bearer token in the connection parameters, by the registered id; the login’s end is told with UNAUTHENTICATED', async () => {
    const pid = persona('citizen-npe-helseklage').login.pid ?? '';
    const shortLived = await stack.token({ pid, expires_in: 3 });
    // The README's graphql-ws recipe.
    const client = createLiveClient(`${stack.url.replace(/^http/, 'ws')}/graphql`, {
      token: shortLived,
      webSocketImpl: WebSocket,
    });
    const { delivery, stop } = listen(client, caseEventsById);
    try {
      await settle();
      const record = appealInProgress(stack.mocks.world);
      await advance(stack.mocks.agencies.helseklage.url, record.caseNumber);
      await until(delivery, (d) => d.data.length > 0, 'an event');
      await until(delivery, (d) => d.errors.length > 0 && d.completed, 'the end of the login', 6_000);
      expect(JSON.stringify(delivery.errors[0])).toContain('UNAUTHENTICATED');
    } finally {
      stop();
      await client.dispose();
    }
  });

  it('refuses a socket opened from a foreign origin, a forged token and, under the safelist, an unregistered subscription', async () => {
    const foreign = wsClient(stack.url, { headers: { origin: 'https://evil.example' } });
    const fromEvil = listen(foreign.client, CASE_EVENTS);
    await until(fromEvil.delivery, (d) => d.errors.length > 0, 'the refusal');
    expect(foreign.closed.code).toBe(4403);
    await foreign.client.dispose();

    const forged = wsClient(stack.url, { params: { authorization: `Bearer ${ingrid.slice(0, -4)}AAAA` } });
    const withForged = listen(forged.client, CASE_EVENTS);
    await until(withForged.delivery, (d) => d.errors.length > 0, 'the refusal');
    expect(JSON.stringify(withForged.delivery.errors[0])).toContain('UNAUTHENTICATED');
    expect(withForged.delivery.data).toEqual([]);
    await forged.client.dispose();

    const listed = wsClient(safelisted.url, { params: { authorization: `Bearer ${ingrid}` } });
    const unregistered = listen(listed.client, CASE_EVENTS);
    await until(unregistered.delivery, (d) => d.errors.length > 0, 'the refusal');
    expect(JSON.stringify(unregistered.delivery.errors[0])).toContain('OPERATION_NOT_REGISTERED');
    await listed.client.dispose();
  });
});
