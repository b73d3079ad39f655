/**
 * What every mock agency server shares: a credential check, fault injection (added delay, error rate,
 * down, slow, malformed answers), request counting with the peak of concurrent requests, the OpenAPI
 * document, and the `/_mock/*` control routes that tests and developers use to steer it.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { Redelivery, sendEvent, type EventTarget, type MockEvent, type SentEvent } from './events.js';

export const faultsSchema = z.object({
  /** Added latency on every request, in milliseconds. */
  delayMs: z.number().int().min(0).max(120_000).default(0),
  /** Share of requests answered with a 500 (0–1). */
  errorRate: z.number().min(0).max(1).default(0),
  /** Every connection is cut without an answer, as when the system is down for maintenance. */
  down: z.boolean().default(false),
  /** Headers come at once, then the body trickles out over this many milliseconds. */
  slowMs: z.number().int().min(0).max(120_000).default(0),
  /** Share of JSON answers broken so that they no longer match the agency's own schema (0–1). */
  malformedRate: z.number().min(0).max(1).default(0),
  /** The next this many requests are answered with a 500, then the agency is well again (a blip). */
  failNext: z.number().int().min(0).max(1000).default(0),
  /** When set, the faults hit only requests whose path starts with one of these (e.g. one endpoint). */
  onlyPaths: z.array(z.string().startsWith('/')).default([]),
  /** When set, the faults hit only requests with one of these methods (e.g. writes, not reads). */
  onlyMethods: z.array(z.enum(['GET', 'POST', 'PUT', 'DELETE'])).default([]),
  /** The request is handled (a submission recorded), then its answer held back this long: a late answer. */
  answerDelayMs: z.number().int().min(0).max(120_000).default(0),
});

export type Faults = z.infer<typeof faultsSchema>;

export interface MockStats {
  total: number;
  byRoute: Record<string, number>;
  inFlight: number;
  peakInFlight: number;
  /** W3C `traceparent` headers received, oldest first (a traced gateway sends its span context). */
  traceparents: string[];
  /** Answers by HTTP status (e.g. how many 304 Not Modified). */
  byStatus: Record<number, number>;
  /** The latest calls in the order they arrived, with when each arrived and was answered (ms since the epoch). */
  calls: MockCall[];
}

export interface MockCall {
  route: string;
  /** The path as called (with the case number), without the query. */
  path: string;
  startedAt: number;
  /** Null while it is being answered. */
  endedAt: number | null;
}

/** Calls kept in `stats.calls`: enough for any one operation, bounded for a long-running mock. */
const CALLS_KEPT = 2_000;

/** Now, in ms since the epoch with fractions: calls at different mocks in one process compare. */
const preciseNow = () => performance.timeOrigin + performance.now();

export interface MockAgencyOptions {
  name: string;
  /** Checks the request's credential; returns false to answer 401. */
  authorize: (request: FastifyRequest) => boolean;
  openapi: object;
  faults?: Partial<Faults>;
  /** Seeded fault randomness, so fault tests are repeatable. */
  seed?: number;
  /** Shapes the agency's own error body. */
  errorBody: (status: number, message: string) => object;
  /** Moves a case one step on (see events.ts); null when there is no such case or no step left. */
  advance: (caseNumber: string) => MockEvent[] | null;
  /** An event in the agency's own dialect. */
  renderEvent: (event: MockEvent) => object;
}

/** A person's consent as an agency recorded it. */
export interface MockConsent {
  portal: boolean;
  notifications: boolean;
  at: string;
}

/** New information from a person, as an agency recorded it; `received` counts every delivery attempt. */
export interface MockSubmission {
  caseNumber: string;
  message: string;
  attachmentIds: string[];
  sender: string;
  sentAt: string;
  receipt: string;
  received: number;
  /** For form answers: which form, and the answers as received. */
  form?: { formId: string; answers: Record<string, string | number | boolean> };
}

/** An attachment as an agency received it: what was sent, and a hash of exactly the bytes that arrived. */
export interface MockAttachment {
  caseNumber: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface MockAgency {
  app: FastifyInstance;
  /** Submissions recorded, by the gateway's submission id (the agency's idempotency key). */
  submissions: Map<string, MockSubmission>;
  /** Read receipts: `documentId|nationalId` → when the person opened it. */
  readReceipts: Map<string, string>;
  /** Attachments received, by the id the agency gave them. */
  attachments: Map<string, MockAttachment>;
  stats: MockStats;
  /** Every route the agency serves (method and path), for checking its OpenAPI document. */
  routes: { method: string; url: string }[];
  /** Consents the agency has received, by national id (for agencies whose API accepts them). */
  consents: Map<string, MockConsent>;
  faults: Faults;
  /** Where the agency sends its signed case events; null: nowhere. */
  eventTarget: EventTarget | null;
  /** Events sent so far, with the gateway's first answers. */
  sentEvents: SentEvent[];
  /** Events sent again because the gateway did not take them (Standard Webhooks redelivery). */
  redelivery: Redelivery;
  /** Advances a case one step and sends its events; null when there is no such case or no step left. */
  advance(caseNumber: string): Promise<SentEvent[] | null>;
  /** Replaces the fault settings (unnamed ones return to their defaults, i.e. no fault). */
  setFaults(faults: Partial<Faults>): void;
  resetStats(): void;
}

const CONTROL_PREFIX = '/_mock/';

/** Replaces the first field of a JSON answer's first object with a wrong type, so schema parsing fails. */
function breakPayload(payload: unknown): unknown {
  if (Array.isArray(payload)) {
    const items = payload as unknown[];
    return items.length ? [breakPayload(items[0]), ...items.slice(1)] : [42];
  }
  if (payload && typeof payload === 'object') {
    const entries = Object.entries(payload as Record<string, unknown>);
    const [key, value] = entries[0] ?? ['unexpected', null];
    const broken = value && typeof value === 'object' ? breakPayload(value) : { unexpected: true };
    return { ...Object.fromEntries(entries), [key]: broken };
  }
  return { unexpected: payload };
}

export function createMockAgency(options: MockAgencyOptions): MockAgency {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const stats: MockStats = {
    total: 0,
    byRoute: {},
    inFlight: 0,
    peakInFlight: 0,
    traceparents: [],
    byStatus: {},
    calls: [],
  };
  const faults: Faults = faultsSchema.parse(options.faults ?? {});
  let state = (options.seed ?? 1) >>> 0;
  const roll = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };

  const isControl = (request: FastifyRequest) => request.url.startsWith(CONTROL_PREFIX);
  const faultsApply = (request: FastifyRequest) =>
    (faults.onlyPaths.length === 0 || faults.onlyPaths.some((path) => request.url.startsWith(path))) &&
    (faults.onlyMethods.length === 0 || faults.onlyMethods.some((method) => request.method === method));

  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request) || request.url === '/openapi.json') return;
    const faulty = faultsApply(request);
    if (faulty && faults.down) {
      request.raw.socket.destroy();
      return reply;
    }
    stats.total++;
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    if (typeof request.headers.traceparent === 'string') stats.traceparents.push(request.headers.traceparent);
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    const call: MockCall = {
      route,
      path: request.url.split('?')[0] ?? '',
      startedAt: preciseNow(),
      endedAt: null,
    };
    stats.calls.push(call);
    if (stats.calls.length > CALLS_KEPT) stats.calls.splice(0, stats.calls.length - CALLS_KEPT);
    // Answered once the last byte is handed to the network: before the caller can have read it.
    reply.raw.once('finish', () => (call.endedAt ??= preciseNow()));
    reply.raw.once('close', () => {
      call.endedAt ??= preciseNow();
      stats.inFlight--;
      stats.byStatus[reply.raw.statusCode] = (stats.byStatus[reply.raw.statusCode] ?? 0) + 1;
    });
    if (faulty && faults.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
      // A sender that gave up waiting (or died) meanwhile has hung up: the request is dropped, not handled,
      // so a delay stands for a request that never arrived, and `answerDelayMs` for one handled but late.
      if (request.raw.socket.destroyed) return reply;
    }
    if (!options.authorize(request)) {
      return reply.code(401).send(options.errorBody(401, 'missing or invalid credential'));
    }
    if (faulty && faults.failNext > 0) {
      faults.failNext--;
      return reply.code(500).send(options.errorBody(500, 'internal error in case system'));
    }
    if (faulty && faults.errorRate > 0 && roll() < faults.errorRate) {
      return reply.code(500).send(options.errorBody(500, 'internal error in case system'));
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (isControl(request) || request.url === '/openapi.json' || !faultsApply(request)) return payload;
    if (faults.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.answerDelayMs));
    let body = payload;
    const json = String(reply.getHeader('content-type') ?? '').includes('json');
    if (json && reply.statusCode < 400 && faults.malformedRate > 0 && roll() < faults.malformedRate) {
      body = JSON.stringify(breakPayload(JSON.parse(String(payload))));
    }
    // Trickling applies to answers already in memory (JSON); a streamed document passes as it is.
    if (faults.slowMs <= 0 || !(Buffer.isBuffer(body) || typeof body === 'string')) return body;
    // Send headers now and trickle the body, the way an overloaded system answers.
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
    const stream = new PassThrough();
    const chunks = 10;
    const size = Math.max(1, Math.ceil(bytes.length / chunks));
    let index = 0;
    const timer = setInterval(() => {
      const chunk = bytes.subarray(index * size, (index + 1) * size);
      index++;
      if (chunk.length) stream.write(chunk);
      if (index * size >= bytes.length) {
        clearInterval(timer);
        stream.end();
      }
    }, faults.slowMs / chunks);
    reply.raw.once('close', () => clearInterval(timer));
    reply.removeHeader('content-length');
    return stream;
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply: FastifyReply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return reply
      .code(status)
      .send(options.errorBody(status, status === 500 ? 'internal error' : error.message));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(options.errorBody(404, 'no such resource')),
  );

  // Attachments arrive as raw bytes of any type; JSON stays parsed as JSON.
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.get('/openapi.json', async () => options.openapi);
  app.get(`${CONTROL_PREFIX}stats`, async () => stats);
  app.post(`${CONTROL_PREFIX}stats/reset`, async () => {
    resetStats();
    return stats;
  });
  app.get(`${CONTROL_PREFIX}faults`, async () => faults);
  app.put(`${CONTROL_PREFIX}faults`, async (request, reply) => {
    const parsed = faultsSchema.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    Object.assign(faults, parsed.data);
    return faults;
  });

  // A caseworker's day in one call: the case moves one step, and the gateway hears of it.
  app.post<{ Params: { caseNumber: string } }>(
    `${CONTROL_PREFIX}cases/:caseNumber/advance`,
    async (request, reply) => {
      const sent = await mock.advance(request.params.caseNumber);
      if (!sent) return reply.code(404).send(options.errorBody(404, 'no such case, or no step left'));
      return { events: sent };
    },
  );

  function resetStats(): void {
    stats.total = 0;
    stats.byRoute = {};
    stats.peakInFlight = stats.inFlight;
    stats.traceparents = [];
    stats.byStatus = {};
    stats.calls = [];
  }

  const redelivery = new Redelivery();
  app.addHook('onClose', async () => redelivery.close());
  const mock: MockAgency = {
    app,
    stats,
    redelivery,
    routes,
    eventTarget: null,
    sentEvents: [],
    async advance(caseNumber) {
      const events = options.advance(caseNumber);
      if (!events) return null;
      const sent: SentEvent[] = [];
      for (const event of events) {
        const body = options.renderEvent(event);
        sent.push(
          this.eventTarget
            ? await sendEvent(this.eventTarget, body, Date.now(), redelivery)
            : { id: '', status: null, body },
        );
      }
      this.sentEvents.push(...sent);
      return sent;
    },
    consents: new Map(),
    attachments: new Map(),
    submissions: new Map(),
    readReceipts: new Map(),
    faults,
    setFaults(next) {
      Object.assign(faults, faultsSchema.parse(next));
    },
    resetStats,
  };
  return mock;
}

/** Reads a header credential in constant time relative to the expected value's length. */
export function constantTimeEquals(given: string | undefined, expected: string): boolean {
  if (given === undefined || given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}
