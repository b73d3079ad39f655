/**
 * `POST /events/<agency>`: where agencies tell the gateway that a case changed. The body is read raw (the
 * signature covers the exact bytes), the signature and timestamp are checked, the id is claimed once (a
 * replay is refused), the agency's adapter reads its own dialect, and the event is handled. When the
 * agency cannot be asked about the case right now, the claim is released and the agency told to retry.
 */
import type { FastifyInstance } from 'fastify';
import type { AgencyRegistry } from '../agencies/registry.js';
import { UpstreamError } from '../errors.js';
import { isStoreOutage, STORE_RETRY_AFTER_SECONDS, type Store } from '../store/index.js';
import type { CaseEvents } from '../events/case-events.js';
import { EVENT_TOLERANCE_MS, EventRefused, verifyEventSignature } from '../events/signature.js';

export interface EventRouteOptions {
  registry: AgencyRegistry;
  /** Each agency's signing secret, by agency code. */
  secrets: Readonly<Record<string, string>>;
  store: Store;
  caseEvents: CaseEvents;
  deadlineMs: number;
}

const MAX_EVENT_BYTES = 64 * 1024;

const STATUS: Record<EventRefused['reason'], number> = {
  UNSIGNED: 401,
  BAD_SIGNATURE: 401,
  STALE: 401,
  REPLAYED: 409,
  UNKNOWN_AGENCY: 404,
  MALFORMED: 400,
};

export function eventRoutes(options: EventRouteOptions) {
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_EVENT_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    app.post<{ Params: { agency: string } }>('/events/:agency', async (request, reply) => {
      const { agency } = request.params;
      try {
        const adapter = options.registry.get(agency);
        const secret = options.secrets[agency];
        if (!adapter || !secret)
          throw new EventRefused('UNKNOWN_AGENCY', 'No such agency sends events here.');
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signed = verifyEventSignature(request.headers, body, secret, Date.now());
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          throw new EventRefused('MALFORMED', 'The event body is not JSON.');
        }
        const event = adapter.parseEvent(json);
        if (!event) throw new EventRefused('MALFORMED', `The body is not one of ${agency}'s events.`);
        const claim = `event-seen:${agency}:${signed.id}`;
        // Remembered for longer than a timestamp stays acceptable, so a replay is always caught.
        if (!(await options.store.setIfAbsent(claim, '1', 2 * EVENT_TOLERANCE_MS)))
          throw new EventRefused('REPLAYED', 'This event has been received before.');
        try {
          const signal = AbortSignal.timeout(options.deadlineMs);
          const handled = await options.caseEvents.receive(adapter, signed.id, event, {
            signal,
            correlationId: request.id,
          });
          request.log.info(
            { agency, kind: event.kind, audience: handled.audience.length },
            'agency event handled',
          );
          return await reply.code(202).send({ accepted: true });
        } catch (error) {
          await options.store.delete(claim);
          if (!(error instanceof UpstreamError)) throw error;
          request.log.warn({ agency, failure: error.failure }, 'agency event: the agency could not be asked');
          return await reply.code(503).header('retry-after', '30').send({
            error: 'UPSTREAM_UNAVAILABLE',
            message: 'The case could not be read from the agency; send again.',
          });
        }
      } catch (error) {
        if (isStoreOutage(error)) {
          // Nothing of the event is kept while the store is away: the agency sends it again, as webhook
          // senders do on a 503, after Retry-After.
          request.log.warn(
            { agency, err: (error as Error).message },
            'agency event: the store cannot be reached',
          );
          return reply.code(503).header('retry-after', String(STORE_RETRY_AFTER_SECONDS)).send({
            error: 'STORE_UNAVAILABLE',
            message: 'The gateway cannot take events just now; send again.',
          });
        }
        if (!(error instanceof EventRefused)) throw error;
        request.log.info({ agency, reason: error.reason }, 'agency event refused');
        return reply.code(STATUS[error.reason]).send({ error: error.reason, message: error.message });
      }
    });
  };
}
