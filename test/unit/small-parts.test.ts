import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../mocks/seed/pdf.js';
import { compareKeys, decodeCursor, encodeCursor } from '../../src/cases/cursor.js';
import { ConfigError } from '../../src/config.js';
import { configFrom } from '../helpers/config.js';
import { negotiateLanguage } from '../../src/i18n.js';
import { pseudonym, Pseudonyms } from '../../src/auth/pseudonym.js';

/** A complete production configuration, for tests that change one thing in it. */
const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://x.example',
  CORS_ORIGINS: 'https://minside.example',
  IDPORTEN_ISSUER: 'https://idporten.no',
  IDPORTEN_AUDIENCE: 'a',
  MITID_ISSUER: 'https://mitid.example',
  MITID_AUDIENCE: 'a',
  NPE_BASE_URL: 'https://npe.example',
  NPE_API_KEY: '12345678',
  HELSEKLAGE_BASE_URL: 'https://hk.example',
  HELSEKLAGE_USERNAME: 'bff',
  HELSEKLAGE_PASSWORD: '12345678',
  STPK_BASE_URL: 'https://stpk.example',
  STPK_TOKEN: '12345678',
  PATIENTERSTATNINGEN_BASE_URL: 'https://patienterstatningen.example',
  PATIENTERSTATNINGEN_API_KEY: '12345678',
  STORE_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgres://graph@db.example:5432/records',
  REDIS_URL: 'rediss://redis.example:6380',
  SMTP_URL: 'smtp://graph:secret@smtp.example:587',
  NOTIFY_EMAIL_FROM: 'Min side <ikke-svar@helseklage.example>',
  SMS_API_URL: 'https://sms.example/v1/messages',
  SMS_API_TOKEN: 't'.repeat(16),
  IDPORTEN_CLIENT_SECRET: 'c'.repeat(16),
  MITID_CLIENT_SECRET: 'c'.repeat(16),
  NPE_EVENT_SECRET: 'e'.repeat(16),
  HELSEKLAGE_EVENT_SECRET: 'e'.repeat(16),
  STPK_EVENT_SECRET: 'e'.repeat(16),
  PATIENTERSTATNINGEN_EVENT_SECRET: 'e'.repeat(16),
};

describe('pseudonyms remembered', () => {
  it('are the HMAC pseudonyms, and the oldest are forgotten beyond the size', () => {
    const remembered = new Pseudonyms('a-secret-of-some-length-for-tests', 2);
    expect(remembered.of('12345678901')).toBe(pseudonym('a-secret-of-some-length-for-tests', '12345678901'));
    remembered.of('22345678901');
    remembered.of('32345678901');
    expect(remembered.size).toBe(2);
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'nb'],
    ['', 'nb'],
    ['nn-NO', 'nn'],
    ['da-DK,da;q=0.9,en;q=0.5', 'da'],
    ['fr-FR,en;q=0.8', 'en'],
    ['no', 'nb'],
    ['en;q=0.2,nn;q=0.9', 'nn'],
    ['sv, de', 'nb'],
    ['da;q=0', 'nb'],
  ])('%s → %s', (header, lang) => {
    expect(negotiateLanguage(header)).toBe(lang);
  });

  it('falls back to the login’s language when the browser names none we speak', () => {
    expect(negotiateLanguage(undefined, 'da')).toBe('da');
    expect(negotiateLanguage('fr-FR, de;q=0.5', 'da')).toBe('da');
    expect(negotiateLanguage('nn, da;q=0.5', 'da')).toBe('nn');
  });
});

describe('cursors', () => {
  it('round-trip and order newest first, then by id', () => {
    const key = { updatedAt: '2026-05-16T11:32:00.000Z', id: 'npe:2025-00636' };
    expect(decodeCursor(encodeCursor(key), 'nb')).toEqual(key);
    expect(
      compareKeys({ updatedAt: '2026-01-01', id: 'a' }, { updatedAt: '2025-01-01', id: 'a' }),
    ).toBeLessThan(0);
    expect(
      compareKeys({ updatedAt: '2026-01-01', id: 'b' }, { updatedAt: '2026-01-01', id: 'a' }),
    ).toBeGreaterThan(0);
  });

  it('a forged cursor is a BAD_USER_INPUT error, not a crash', () => {
    for (const bad of ['', 'x', Buffer.from('{"u":1}').toString('base64url'), '%%%']) {
      let thrown: unknown;
      try {
        decodeCursor(bad, 'da');
      } catch (error) {
        thrown = error;
      }
      expect((thrown as GraphQLError | undefined)?.extensions.code).toBe('BAD_USER_INPUT');
      expect((thrown as GraphQLError).message).toBe(
        'Sidemarkøren er ikke gyldig. Begynd forfra på første side.',
      );
    }
  });
});

describe('configuration', () => {
  it('development needs nothing: it points at the local mocks', () => {
    const config = configFrom({});
    expect(config.production).toBe(false);
    expect(config.port).toBe(4000);
    expect(config.issuers.map((i) => i.issuer)).toEqual(['http://localhost:4010', 'http://localhost:4011']);
    expect(config.agencies.map((a) => a.code)).toEqual(['npe', 'helseklage', 'stpk', 'patienterstatningen']);
  });

  it('production has no secret defaults, and every problem is reported at once', () => {
    let error: unknown;
    try {
      configFrom({ NODE_ENV: 'production', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'PUBLIC_URL',
      'DATABASE_URL',
      'CORS_ORIGINS',
      'IDPORTEN_ISSUER',
      'MITID_AUDIENCE',
      'NPE_API_KEY',
      'HELSEKLAGE_PASSWORD',
      'STPK_TOKEN',
      'STPK_BASE_URL',
      'STORE_SECRET',
      'IDPORTEN_CLIENT_SECRET',
      'MITID_CLIENT_SECRET',
      'NPE_EVENT_SECRET',
      'STPK_EVENT_SECRET',
      'PATIENTERSTATNINGEN_API_KEY',
      'PATIENTERSTATNINGEN_EVENT_SECRET',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('takes one Redis, or the nodes of a Redis Cluster, and says what is wrong otherwise', () => {
    expect(configFrom({}).redis).toBeNull();
    expect(configFrom({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      urls: ['redis://127.0.0.1:6379'],
      cluster: false,
    });
    expect(
      configFrom({ REDIS_URL: 'redis://10.0.0.1:7000, redis://10.0.0.2:7000', REDIS_CLUSTER: 'on' }).redis,
    ).toEqual({ urls: ['redis://10.0.0.1:7000', 'redis://10.0.0.2:7000'], cluster: true });
    expect(() => configFrom({ REDIS_URL: 'redis://10.0.0.1:7000,redis://10.0.0.2:7000' })).toThrow(
      /REDIS_CLUSTER=on/,
    );
    expect(() => configFrom({ REDIS_URL: 'http://10.0.0.1:7000' })).toThrow(/REDIS_URL/);
    expect(() => configFrom({ REDIS_URL: 'redis://x:1', REDIS_CLUSTER: 'yes' })).toThrow(/REDIS_CLUSTER/);
  });

  it('production refuses a wildcard CORS origin', () => {
    const env = { ...PRODUCTION_ENV, CORS_ORIGINS: '*' };
    expect(() => configFrom(env)).toThrowError(/CORS_ORIGINS/);
    expect(configFrom({ ...env, CORS_ORIGINS: 'https://minside.example' }).production).toBe(true);
  });

  it('production logs in only over https, except to a provider on this machine', () => {
    const env = {
      ...PRODUCTION_ENV,
      IDPORTEN_ISSUER: 'http://idporten.example',
      MITID_ISSUER: 'http://127.0.0.1:4011',
    };
    expect(() => configFrom(env)).toThrowError(/IDPORTEN_ISSUER: must be an https:\/\/ URL/);
    expect(configFrom({ ...env, IDPORTEN_ISSUER: 'https://idporten.no' }).production).toBe(true);
  });

  it('production refuses what would travel in clear or lose state, every problem at once', () => {
    let error: unknown;
    try {
      configFrom({
        ...PRODUCTION_ENV,
        PUBLIC_URL: 'http://api.helseklage.no',
        NPE_BASE_URL: 'http://npe.internal:8080',
        STPK_BASE_URL: 'http://stpk.internal',
        REDIS_URL: undefined,
        SHUTDOWN_DRAIN_SECONDS: '10',
        CORS_ORIGINS: 'https://minside.example/path',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const expected of [
      /^PUBLIC_URL: must be an https:\/\/ URL in production$/,
      /^NPE_BASE_URL: must be an https:\/\/ URL in production \(behind a service mesh.*AGENCY_TLS_BY_MESH=on\)$/,
      /^STPK_BASE_URL: must be an https:\/\/ URL/,
      /^REDIS_URL: required in production/,
      /^CORS_ORIGINS: "https:\/\/minside.example\/path" is not an origin/,
    ])
      expect(problems.some((p) => expected.test(p))).toBe(true);
    expect(problems).toHaveLength(5);
    // The drain must fit in the grace: a problem of its own once the rest is right.
    expect(() => configFrom({ ...PRODUCTION_ENV, SHUTDOWN_DRAIN_SECONDS: '10' })).toThrowError(
      /SHUTDOWN_DRAIN_SECONDS: must be shorter than SHUTDOWN_GRACE_SECONDS/,
    );
    // A safety-net copy in use is written again before it expires.
    expect(() =>
      configFrom({ ...PRODUCTION_ENV, SAFETY_NET_TTL_SECONDS: '600', SAFETY_NET_REFRESH_MINUTES: '10' }),
    ).toThrowError(/SAFETY_NET_REFRESH_MINUTES: must be shorter than SAFETY_NET_TTL_SECONDS/);
  });

  it('production sends real notifications: SMTP and the SMS provider are required, unless told to only log them', () => {
    const config = configFrom(PRODUCTION_ENV);
    expect(config.notifications).toMatchObject({
      via: 'outbound',
      outbound: { email: { smtpUrl: 'smtp://graph:secret@smtp.example:587', requireTls: true } },
    });
    const { SMTP_URL: _smtp, SMS_API_TOKEN: _token, ...without } = PRODUCTION_ENV;
    expect(() => configFrom(without)).toThrowError(
      /SMTP_URL: required to send notifications[\s\S]*SMS_API_TOKEN/,
    );
    expect(configFrom({ ...without, NOTIFIER: 'log' }).notifications).toEqual({ via: 'log' });
    expect(() => configFrom({ ...PRODUCTION_ENV, SMS_API_URL: 'http://sms.example/v1' })).toThrowError(
      /SMS_API_URL: must be an https:\/\/ URL/,
    );
    expect(configFrom({}).notifications).toEqual({ via: 'log' });
  });

  it('plain http to the agencies only where a service mesh encrypts it, said by name; loopback is this machine', () => {
    const inClear = { ...PRODUCTION_ENV, NPE_BASE_URL: 'http://npe.internal:8080' };
    expect(() => configFrom(inClear)).toThrowError(/NPE_BASE_URL/);
    expect(configFrom({ ...inClear, AGENCY_TLS_BY_MESH: 'on' }).production).toBe(true);
    expect(configFrom({ ...PRODUCTION_ENV, NPE_BASE_URL: 'http://127.0.0.1:15001' }).production).toBe(true);
  });

  it('production runs only registered operations unless told otherwise, drains for 3 s within 9, and keeps /metrics on a port of its own', () => {
    const config = configFrom(PRODUCTION_ENV);
    expect(config.persistedOperations.safelist).toBe(true);
    expect(config.shutdown).toEqual({ drainMs: 3_000, graceMs: 9_000 });
    expect(config.metricsPort).toBe(9464);
    expect(configFrom({}).metricsPort).toBeNull();
    expect(configFrom({ ...PRODUCTION_ENV, SAFELIST: 'off' }).persistedOperations.safelist).toBe(false);
    expect(configFrom({}).persistedOperations.safelist).toBe(false);
    expect(configFrom({}).shutdown.drainMs).toBe(0);
  });
});

describe('mock documents', () => {
  it('are real PDFs whose cross-reference table points at their objects', () => {
    const pdf = renderPdf(['Vedtak om erstatningsansvar', 'Saksnummer: 2025-00636', 'Æøå – åpnet']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(text.slice(offset, offset + 7)).toBe(`${index + 1} 0 obj`));
  });
});
