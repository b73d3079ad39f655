/**
 * Real outbound messages: e-mail by SMTP (nodemailer) and SMS through an SMS provider's HTTP API. The
 * dispatcher (dispatch.ts) decides what goes, when and to whom; this only delivers, and a failure throws,
 * so that a held message stays held and goes at the next pass. Neither the log nor an error carries the
 * text or the recipient in full.
 *
 * The SMS provider interface is one request per message (most Nordic providers — Link Mobility,
 * Sveve, CPSMS — offer one like it):
 *
 *     POST <SMS_API_URL>
 *     Authorization: Bearer <SMS_API_TOKEN>
 *     Content-Type: application/json
 *     { "from": "<SMS_SENDER>", "to": "+4791234567", "text": "…" }
 *
 * answered 2xx when the provider has taken it; anything else is a failure to try again later. A provider
 * with another shape is one small class implementing SmsProvider.
 */
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import { request } from 'undici';
import type { Config, OutboundSettings } from '../config.js';
import type { Notifier, OutboundMessage } from './dispatch.js';

/** How an SMS leaves: one message to one mobile number. */
export interface SmsProvider {
  send(to: string, text: string): Promise<void>;
}

/** The documented SMS provider interface above. */
export class HttpSmsProvider implements SmsProvider {
  constructor(private readonly settings: OutboundSettings['sms'] & { timeoutMs: number }) {}

  async send(to: string, text: string): Promise<void> {
    const response = await request(this.settings.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.settings.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: this.settings.sender, to, text }),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    await response.body.dump();
    if (response.statusCode < 200 || response.statusCode >= 300)
      throw new Error(`the SMS provider answered ${response.statusCode}`);
  }
}

/** Sends each message by its channel: e-mail by SMTP, SMS by the provider. */
export class OutboundNotifier implements Notifier {
  readonly #mail: Transporter;

  constructor(
    private readonly settings: OutboundSettings,
    private readonly sms: SmsProvider,
    private readonly log: FastifyBaseLogger,
  ) {
    // One connection per message (no pool): nothing stays open between messages, nothing to close.
    const smtp = new URL(settings.email.smtpUrl);
    const implicitTls = smtp.protocol === 'smtps:';
    this.#mail = nodemailer.createTransport({
      host: smtp.hostname,
      port: Number(smtp.port) || (implicitTls ? 465 : 587),
      secure: implicitTls,
      requireTLS: settings.email.requireTls,
      auth: smtp.username
        ? { user: decodeURIComponent(smtp.username), pass: decodeURIComponent(smtp.password) }
        : undefined,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async send(message: OutboundMessage): Promise<void> {
    const to = `…${message.to.slice(-3)}`;
    try {
      if (message.channel === 'EMAIL')
        await this.#mail.sendMail({
          from: this.settings.email.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      else await this.sms.send(message.to, message.text);
    } catch (error) {
      this.log.warn({ channel: message.channel, to, err: (error as Error).message }, 'notification not sent');
      throw error;
    }
    this.log.info({ channel: message.channel, to }, 'notification sent');
  }
}

/** Real e-mail and SMS when the configuration says so (production); null for development's log notifier. */
export function outboundNotifier(
  notifications: Config['notifications'],
  log: FastifyBaseLogger,
): OutboundNotifier | null {
  if (notifications.via !== 'outbound') return null;
  const { outbound } = notifications;
  return new OutboundNotifier(
    outbound,
    new HttpSmsProvider({ ...outbound.sms, timeoutMs: outbound.timeoutMs }),
    log,
  );
}
