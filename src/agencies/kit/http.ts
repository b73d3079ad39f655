/**
 * The one way the gateway talks HTTP to an agency: an undici Pool per agency with explicit connect,
 * header and body timeouts (undici's defaults are 300 s) and a total time per call (a body that trickles
 * never trips an idle timer), a cap on concurrent connections, the request's deadline as abort signal, a
 * circuit breaker and budgeted retries of reads (resilience.ts), and for every JSON answer a size cap,
 * strict UTF-8 and zod parsing. Streamed transfers (documents down, attachments up) run in a pool of their
 * own, so that however long people take over them, the agency's reads still have their connections.
 */
import type { Readable } from 'node:stream';
import type { Tracer } from '@opentelemetry/api';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { traceAgencyCall } from '../../observability/tracing.js';
import type { z } from 'zod';
import { CallerGone, UpstreamError } from '../../errors.js';
import { abortAfter } from '../../time-limit.js';
import type { CallOptions } from './port.js';
import {
  AgencyResilience,
  DEFAULT_RESILIENCE,
  type ResilienceEvents,
  type ResilienceSettings,
} from './resilience.js';

export interface AgencyHttpOptions {
  agency: string;
  baseUrl: string;
  /** Credential and other headers the agency requires on every request. */
  headers: Record<string, string>;
  /** At most this many requests in flight to the agency at once. */
  connections: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** The most one JSON call may take in all, trickling included (default: `headersTimeoutMs`). */
  callTimeoutMs?: number;
  /** The largest JSON answer read (default 4 MiB); documents stream and are not capped here. */
  maxBodyBytes?: number;
  /** Streamed transfers (uploads, downloads) in flight at once, beside `connections` (default: half of it). */
  transferConnections?: number;
  /** Breaker and retry settings (defaults in resilience.ts). */
  resilience?: ResilienceSettings;
  /** Where breaker changes and retries are reported (the gateway's log). */
  events?: ResilienceEvents;
  /** Traces each call when tracing is on. */
  tracer?: Tracer;
}

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Headers this request adds (an idempotency key, a conditional `if-none-match`, …). */
  headers?: Record<string, string>;
  /** A read that may safely be sent twice (GETs are; a POST search or batch look-up says so). */
  idempotent?: boolean;
}

/** A parsed answer with its status and headers, for dialects that say things in headers (paging, ETags). */
export interface Exchange<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Null for a 404 when asked for, and for a 304 Not Modified. */
  data: T | null;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export class AgencyHttp {
  readonly #pool: Pool;
  /** Uploads and downloads: long-lived by nature, kept off the connections that reads need. */
  readonly #transfers: Pool;
  readonly #options: AgencyHttpOptions;
  readonly #callTimeoutMs: number;
  readonly #maxBodyBytes: number;
  readonly #basePath: string;
  readonly resilience: AgencyResilience;

  constructor(options: AgencyHttpOptions) {
    const url = new URL(options.baseUrl);
    this.#options = options;
    this.#basePath = url.pathname.replace(/\/$/, '');
    this.#callTimeoutMs = options.callTimeoutMs ?? options.headersTimeoutMs;
    this.#maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const pool = (connections: number) =>
      new Pool(url.origin, {
        connections,
        connectTimeout: options.connectTimeoutMs,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
        keepAliveTimeout: 10_000,
      });
    this.#pool = pool(options.connections);
    this.#transfers = pool(options.transferConnections ?? Math.max(1, Math.floor(options.connections / 2)));
    this.resilience = new AgencyResilience(
      options.agency,
      options.resilience ?? DEFAULT_RESILIENCE,
      options.events,
    );
  }

  /**
   * Sends a request and parses the JSON answer with `schema`. A 404 gives null when `notFoundAsNull`;
   * every other failure is an UpstreamError.
   */
  async json<S extends z.ZodType>(
    schema: S,
    request: JsonRequest,
    call: CallOptions,
    notFoundAsNull: true,
  ): Promise<z.infer<S> | null>;
  async json<S extends z.ZodType>(schema: S, request: JsonRequest, call: CallOptions): Promise<z.infer<S>>;
  async json<S extends z.ZodType>(
    schema: S,
    request: JsonRequest,
    call: CallOptions,
    notFoundAsNull = false,
  ): Promise<z.infer<S> | null> {
    return (await this.exchange(schema, request, call, { notFoundAsNull })).data;
  }

  /**
   * Like `json`, with the answer's status and headers. A 304 Not Modified (to a conditional request) gives
   * null data; so does a 404 when `notFoundAsNull`.
   */
  async exchange<S extends z.ZodType>(
    schema: S,
    request: JsonRequest,
    call: CallOptions,
    options: { notFoundAsNull?: boolean } = {},
  ): Promise<Exchange<z.infer<S>>> {
    return this.resilience.run(
      () => this.#exchangeOnce(schema, request, call, options.notFoundAsNull ?? false),
      {
        idempotent: request.idempotent ?? request.method === 'GET',
        signal: call.signal,
      },
    );
  }

  async #exchangeOnce<S extends z.ZodType>(
    schema: S,
    request: JsonRequest,
    call: CallOptions,
    notFoundAsNull: boolean,
  ): Promise<Exchange<z.infer<S>>> {
    const agency = this.#options.agency;
    const search = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    const limit = abortAfter(this.#callTimeoutMs, call.signal);
    let answer: { status: number; headers: Exchange<unknown>['headers'] };
    let text: string;
    try {
      const response = await this.#send(this.#pool, {
        method: request.method,
        path: `${this.#basePath}${request.path}${search}`,
        headers: {
          ...this.#options.headers,
          ...request.headers,
          accept: 'application/json',
          'x-correlation-id': call.correlationId,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: limit.signal,
      });
      answer = { status: response.statusCode, headers: response.headers };
      text = await this.#readText(response);
    } catch (error) {
      throw this.#failure(error, call);
    } finally {
      limit.release();
    }
    if ((answer.status === 404 && notFoundAsNull) || answer.status === 304) return { ...answer, data: null };
    if (answer.status < 200 || answer.status >= 300) {
      throw new UpstreamError(agency, 'HTTP_ERROR', `answered ${answer.status}`, answer.status);
    }
    return { ...answer, data: this.#parse(schema, text, answer.status) };
  }

  /** A request whose answer has no body worth reading (204 and the like); failures are UpstreamErrors. */
  async empty(request: JsonRequest, call: CallOptions): Promise<void> {
    return this.resilience.run(() => this.#emptyOnce(request, call), {
      idempotent: request.idempotent ?? request.method === 'GET',
      signal: call.signal,
    });
  }

  async #emptyOnce(request: JsonRequest, call: CallOptions): Promise<void> {
    let status: number;
    const limit = abortAfter(this.#callTimeoutMs, call.signal);
    try {
      const response = await this.#send(this.#pool, {
        method: request.method,
        path: `${this.#basePath}${request.path}`,
        headers: {
          ...this.#options.headers,
          ...request.headers,
          'x-correlation-id': call.correlationId,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: limit.signal,
      });
      status = response.statusCode;
      // Not read: undici drops what there is (closing the connection past a small limit).
      await response.body.dump();
    } catch (error) {
      throw this.#failure(error, call);
    } finally {
      limit.release();
    }
    if (status < 200 || status >= 300) {
      throw new UpstreamError(this.#options.agency, 'HTTP_ERROR', `answered ${status}`, status);
    }
  }

  /**
   * Starts a download and hands back the body as a stream, never buffered: the caller pipes it on. Null
   * for a 404. `signal` aborts the transfer (e.g. when the person's browser goes away); the pool's body
   * timeout still stops a stalled agency.
   */
  async stream(
    path: string,
    call: { signal: AbortSignal; correlationId: string },
  ): Promise<{ contentType: string | null; sizeBytes: number | null; body: Readable } | null> {
    // Retried only before the first byte: once the body flows, it belongs to the caller.
    return this.resilience.run(() => this.#streamOnce(path, call), { idempotent: true, signal: call.signal });
  }

  async #streamOnce(
    path: string,
    call: { signal: AbortSignal; correlationId: string },
  ): Promise<{ contentType: string | null; sizeBytes: number | null; body: Readable } | null> {
    const agency = this.#options.agency;
    let response;
    try {
      // The caller's signal only: the body may rightly take longer than one call's time (the pool's idle
      // timers still stop an agency that stalls).
      response = await this.#send(this.#transfers, {
        method: 'GET',
        path: `${this.#basePath}${path}`,
        headers: { ...this.#options.headers, 'x-correlation-id': call.correlationId },
        signal: call.signal,
      });
    } catch (error) {
      throw this.#failure(error, call);
    }
    if (response.statusCode === 404) {
      await response.body.dump();
      return null;
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new UpstreamError(agency, 'HTTP_ERROR', `answered ${response.statusCode}`, response.statusCode);
    }
    const length = Number(response.headers['content-length']);
    const type = response.headers['content-type'];
    return {
      contentType: typeof type === 'string' ? type : null,
      sizeBytes: Number.isFinite(length) ? length : null,
      body: response.body,
    };
  }

  /**
   * Streams a body up to the agency with its exact length declared, so a body that turns out longer or
   * shorter fails the request rather than leaving a partial file; the JSON answer is parsed with `schema`.
   * When the body fails on the sender's side, the caller aborts `call.signal` with CallerGone first, so that
   * the failure is CANCELLED and never the agency's.
   */
  async upload<S extends z.ZodType>(
    schema: S,
    request: { path: string; headers: Record<string, string>; body: Readable; sizeBytes: number },
    call: CallOptions,
  ): Promise<z.infer<S>> {
    // Never retried: the body is a stream that has been read.
    return this.resilience.run(() => this.#uploadOnce(schema, request, call), {
      idempotent: false,
      signal: call.signal,
    });
  }

  async #uploadOnce<S extends z.ZodType>(
    schema: S,
    request: { path: string; headers: Record<string, string>; body: Readable; sizeBytes: number },
    call: CallOptions,
  ): Promise<z.infer<S>> {
    const agency = this.#options.agency;
    let status: number;
    let text: string;
    try {
      const response = await this.#send(this.#transfers, {
        method: 'POST',
        path: `${this.#basePath}${request.path}`,
        headers: {
          ...this.#options.headers,
          ...request.headers,
          accept: 'application/json',
          'content-length': String(request.sizeBytes),
          'x-correlation-id': call.correlationId,
        },
        body: request.body,
        signal: call.signal,
      });
      status = response.statusCode;
      text = await this.#readText(response);
    } catch (error) {
      throw this.#failure(error, call);
    }
    if (status < 200 || status >= 300) {
      throw new UpstreamError(agency, 'HTTP_ERROR', `answered ${status}`, status);
    }
    return this.#parse(schema, text, status);
  }

  /** One request to the agency, in a trace span when tracing is on (its context goes along in the headers). */
  #send(pool: Pool, options: Dispatcher.RequestOptions & { headers: Record<string, string> }) {
    return traceAgencyCall(
      this.#options.tracer,
      this.#options.agency,
      options.method,
      options.headers,
      (headers) => pool.request({ ...options, headers }),
    );
  }

  /**
   * A JSON answer's text: at most `maxBodyBytes` (a larger or endless answer is refused as soon as it
   * passes the cap, never buffered whole) and valid UTF-8 (a replacement character in a case number would
   * silently make it another case).
   */
  async #readText(response: Dispatcher.ResponseData): Promise<string> {
    const agency = this.#options.agency;
    const tooLarge = () =>
      new UpstreamError(agency, 'BAD_RESPONSE', `answered with more than ${this.#maxBodyBytes} bytes`);
    const declared = Number(response.headers['content-length']);
    if (declared > this.#maxBodyBytes) {
      response.body.destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > this.#maxBodyBytes) {
        response.body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    try {
      return STRICT_UTF8.decode(Buffer.concat(chunks, size));
    } catch (error) {
      throw new UpstreamError(agency, 'BAD_RESPONSE', 'answered with invalid UTF-8', response.statusCode, {
        cause: error,
      });
    }
  }

  /** Parses a JSON answer with the agency's schema; anything else is BAD_RESPONSE. */
  #parse<S extends z.ZodType>(schema: S, text: string, status: number): z.infer<S> {
    const agency = this.#options.agency;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      throw new UpstreamError(agency, 'BAD_RESPONSE', 'answered with invalid JSON', status, { cause: error });
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UpstreamError(
        agency,
        'BAD_RESPONSE',
        `answer does not match its schema: ${issue?.message ?? ''} at ${issue?.path.join('.') ?? ''}`,
        status,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  /** Any failure of a call as an UpstreamError; a caller who went away is CANCELLED, never the agency's fault. */
  #failure(error: unknown, call: CallOptions): UpstreamError {
    const agency = this.#options.agency;
    if (call.signal.aborted && call.signal.reason instanceof CallerGone)
      return new UpstreamError(agency, 'CANCELLED', 'the caller went away', undefined, { cause: error });
    if (error instanceof UpstreamError) return error;
    if (
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError ||
      (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
    ) {
      return new UpstreamError(agency, 'TIMEOUT', 'did not answer in time', undefined, { cause: error });
    }
    return new UpstreamError(
      agency,
      'UNREACHABLE',
      `could not be reached (${(error as Error).message})`,
      undefined,
      { cause: error },
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool.close(), this.#transfers.close()]);
  }
}
