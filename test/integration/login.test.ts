/**
 * Login through the BFF, driven the way a browser drives it: a real HTTP client with a cookie jar follows
 * every redirect between the gateway and the mock identity providers (a real oidc-provider), picks a
 * persona on the provider's login page, and ends with a session cookie. Tokens never reach the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/messages.js';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';
import { Browser, type Page } from '../helpers/browser.js';
import { persona, postGraphql, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;
// The gateway's clock for session lifetimes: tests move it forward.
let clockOffsetMs = 0;
const clock = () => Date.now() + clockOffsetMs;

beforeAll(async () => {
  stack = await startTestStack({ accessTokenTtlSeconds: 6, gateway: { clock } });
});
afterAll(async () => {
  await stack.close();
});

const VIEWER = '{ viewer { identityProvider country assuranceLevel } }';

/** The login page of the provider, reached from the gateway's /auth/login. */
async function loginPage(browser: Browser, idp = 'idporten', query = ''): Promise<Page> {
  const page = await browser.go(`${stack.url}/auth/login?idp=${idp}${query}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Pick a synthetic person');
  return page;
}

/** Picks a persona on the login page; stops before the gateway's callback when told to. */
async function pick(
  browser: Browser,
  page: Page,
  key: string,
  stopAtCallback = false,
  level?: string,
): Promise<Page> {
  const login = persona(key).login;
  const nationalId = login.pid ?? login.cpr;
  const form = Browser.forms(page).find((f) => f.fields.nationalId === nationalId);
  if (!form) throw new Error(`no form for ${key}`);
  const fields = level ? { ...form.fields, level } : form.fields;
  return browser.go(
    form.action,
    { form: fields },
    (next) => stopAtCallback && next.includes('/auth/callback'),
  );
}

async function logIn(browser: Browser, key: string, idp = 'idporten'): Promise<Page> {
  return pick(browser, await loginPage(browser, idp), key);
}

async function sessionCookie(browser: Browser): Promise<string | undefined> {
  return (await browser.cookie(stack.url, SESSION_COOKIE))?.value;
}

function queryWithCookie(cookie: string, query = VIEWER) {
  return postGraphql<{ viewer: { identityProvider: string; country: string } }>(stack.url, query, {
    headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
  });
}

describe('login through the BFF', () => {
  it('logs in with ID-porten, queries with the cookie, logs out, and the cookie no longer works', async () => {
    const browser = new Browser();
    const landed = await logIn(browser, 'citizen-npe-helseklage');
    // Back at the gateway (Sandbox in development), with a session cookie as the baseline demands.
    expect(landed.url).toBe(`${stack.url}/graphql`);
    const cookie = await browser.cookie(stack.url, SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
    expect(cookie?.domain).toBe('127.0.0.1');
    expect(cookie?.hostOnly).toBe(true);
    // The provider ran the code flow with PKCE, state and nonce; no token ever reached the browser.
    const authorize = browser.visited.find((u) => u.includes('/auth?'));
    const params = new URL(authorize ?? 'http://x').searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('response_type')).toBe('code');
    expect(browser.visited.join(' ')).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(landed.text).not.toMatch(/eyJ[\w-]+\.eyJ/);

    const value = cookie?.value ?? '';
    const { body } = await queryWithCookie(value);
    expect(body.data?.viewer).toEqual({
      identityProvider: 'IDPORTEN',
      country: 'NO',
      assuranceLevel: 'HIGH',
    });
    // The cookie reaches the person's cases too (the consent question comes first, as for a bearer).
    const cases = await queryWithCookie(value, '{ cases { agencyStatuses { agency { code } status } } }');
    expect(cases.body.errors).toBeUndefined();

    // Log out: the gateway ends the session, then the provider's logout page sends the browser back.
    const logout = await browser.go(`${stack.url}/auth/logout`, { method: 'POST' });
    expect(logout.url).toContain('/session/end');
    // No personal data in the URL: the provider is told which client, not shown the id token (with `pid` and `sid`).
    const endSession = new URL(browser.visited.find((u) => u.includes('/session/end')) ?? 'http://x');
    expect(endSession.searchParams.get('client_id')).toBe('helseklage-bff');
    expect(endSession.searchParams.has('id_token_hint')).toBe(false);
    expect(browser.visited.join(' ')).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const [form] = Browser.forms(logout);
    const frontChannel = await browser.go(form?.action ?? '', { form: form?.fields ?? {} });
    // The provider's page loads the front-channel logout frame, then continues back to the gateway.
    const back = await browser.go(Browser.continueLink(frontChannel));
    expect(back.url).toBe(`${stack.url}/auth/logged-out`);
    expect(back.text).toContain('logget ut');
    expect(await sessionCookie(browser)).toBeUndefined();

    const refused = await queryWithCookie(value);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.body.data ?? null).toBeNull();
  });

  it("logs out from a portal's form and lands back on the portal page it names, after the provider's logout", async () => {
    const portal = 'http://localhost:5173/';
    const browser = new Browser();
    await logIn(browser, 'citizen-npe-helseklage');
    // As the portal's <form method="post"> sends it: urlencoded, no fields, the page to return to in the URL.
    const logout = await browser.go(`${stack.url}/auth/logout?returnTo=${encodeURIComponent(portal)}`, {
      form: {},
    });
    expect(logout.url).toContain('/session/end');
    const [form] = Browser.forms(logout);
    const frontChannel = await browser.go(form?.action ?? '', { form: form?.fields ?? {} });
    const back = await browser.go(Browser.continueLink(frontChannel), {}, (next) => next.startsWith(portal));
    expect(Browser.location(back)).toBe(portal);
    expect(await sessionCookie(browser)).toBeUndefined();

    // Logged out already, or a return address that is not a portal's: no detour, and never elsewhere.
    const again = await browser.go(
      `${stack.url}/auth/logout?returnTo=${encodeURIComponent(portal)}`,
      { form: {} },
      () => true,
    );
    expect(Browser.location(again)).toBe(portal);
    const foreign = await browser.go(
      `${stack.url}/auth/logged-out?state=${encodeURIComponent('https://evil.example/')}`,
    );
    expect(foreign.url).toBe(
      `${stack.url}/auth/logged-out?state=${encodeURIComponent('https://evil.example/')}`,
    );
    expect(foreign.status).toBe(200);
    expect(foreign.text).toContain('logget ut');
  });

  it('the session cookie alone opens a document link, as a plain <a href> in the browser would', async () => {
    const browser = new Browser();
    await logIn(browser, 'citizen-npe-helseklage');
    const value = (await sessionCookie(browser)) ?? '';
    await queryWithCookie(
      value,
      'mutation { giveConsent(input: { agency: "helseklage", notifications: false }) { errors { code } } }',
    );
    const { body } = await postGraphql<{
      cases: { nodes: { documents: { downloadUrl: string | null }[] }[] };
    }>(
      stack.url,
      '{ cases(filter: { agencies: ["helseklage"] }) { nodes { documents(first: 1) { downloadUrl } } } }',
      { headers: { cookie: `${SESSION_COOKIE}=${value}` } },
    );
    const url = body.data?.cases.nodes.flatMap((n) => n.documents).find((d) => d.downloadUrl)?.downloadUrl;
    expect(url).toBeTruthy();
    const download = await browser.fetch(url ?? '');
    expect(download.status).toBe(200);
    expect(download.text.startsWith('%PDF-')).toBe(true);
    // Without the cookie, the link alone opens nothing.
    expect((await new Browser().fetch(url ?? '')).status).toBe(401);
  });

  it('logs in with MitID and names a Danish person', async () => {
    const browser = new Browser();
    await logIn(browser, 'citizen-dk', 'mitid');
    const { body } = await queryWithCookie((await sessionCookie(browser)) ?? '');
    expect(body.data?.viewer).toEqual({
      identityProvider: 'MITID',
      country: 'DK',
      assuranceLevel: 'SUBSTANTIAL',
    });
  });

  it('refuses a login below the accepted assurance level, with a clear page and no session', async () => {
    const browser = new Browser();
    const page = await pick(browser, await loginPage(browser, 'mitid'), 'citizen-dk', false, 'low');
    expect(page.status).toBe(403);
    // The browser names no language: a MitID login is answered in Danish.
    expect(page.text).toContain(say('da', 'LOGIN_ASSURANCE_TOO_LOW'));
    expect(await sessionCookie(browser)).toBeUndefined();
  });

  it('refuses a callback whose state was tampered with', async () => {
    const browser = new Browser();
    const stopped = await pick(browser, await loginPage(browser), 'citizen-npe-helseklage', true);
    const callback = new URL(Browser.location(stopped));
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const page = await browser.go(callback.href);
    expect(page.status).toBe(400);
    expect(page.text).toContain('kunne ikke bekreftes');
    expect(await sessionCookie(browser)).toBeUndefined();
  });

  it('refuses an id token whose nonce is not the one the gateway sent', async () => {
    const browser = new Browser();
    // Change the nonce on its way to the provider: the id token then carries a nonce the gateway never made.
    const start = await browser.go(`${stack.url}/auth/login?idp=idporten`, {}, (next) =>
      next.includes('/auth?'),
    );
    const authorize = new URL(Browser.location(start));
    authorize.searchParams.set('nonce', 'a-nonce-chosen-by-an-attacker');
    const page = await pick(browser, await browser.go(authorize.href), 'citizen-npe-helseklage');
    expect(page.status).toBe(400);
    expect(page.url).toContain('/auth/callback');
    expect(await sessionCookie(browser)).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start the login', async () => {
    const browser = new Browser();
    const stopped = await pick(browser, await loginPage(browser), 'citizen-npe-helseklage', true);
    const page = await new Browser().go(Browser.location(stopped));
    expect(page.status).toBe(400);
    expect(page.text).toContain('annen nettleser');
  });

  /** Where a login started with this returnTo lands (the redirect after the callback). */
  async function landing(returnTo: string): Promise<string> {
    const browser = new Browser();
    const query = `&returnTo=${encodeURIComponent(returnTo)}`;
    const page = await pick(
      browser,
      await loginPage(browser, 'idporten', query),
      'citizen-npe-helseklage',
      true,
    );
    const landed = await browser.go(Browser.location(page), {}, () => true);
    return Browser.location(landed);
  }

  it('returns to a path on this site or to a page of a configured portal origin', async () => {
    expect(await landing('/graphql?x=1')).toBe(`${stack.url}/graphql?x=1`);
    // The portal on its own origin (CORS_ORIGINS, here the development default).
    const portalPage = 'http://localhost:5173/saker/helseklage:2026-00001?fane=dokumenter#tidslinje';
    expect(await landing(portalPage)).toBe(portalPage);
  });

  it('returns nowhere else (open redirects)', async () => {
    for (const returnTo of ['//evil.example/', 'http://localhost:5173@evil.example/', '/\\evil.example'])
      expect([returnTo, await landing(returnTo)]).toEqual([returnTo, `${stack.url}/graphql`]);
  });

  it('ends the session when the person logs out at the provider (front-channel logout)', async () => {
    const browser = new Browser();
    await logIn(browser, 'proxy');
    const value = (await sessionCookie(browser)) ?? '';
    expect((await queryWithCookie(value)).body.data?.viewer.country).toBe('NO');

    // The person logs out at ID-porten itself (from another service, say).
    const logoutPage = await browser.go(`${stack.mocks.idporten.issuer}/session/end`);
    const [form] = Browser.forms(logoutPage);
    const done = await browser.go(form?.action ?? '', { form: form?.fields ?? {} });
    const frames = Browser.frames(done);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain(`${stack.url}/auth/frontchannel-logout?iss=`);
    expect(new URL(frames[0] ?? '').searchParams.get('sid')).toBeTruthy();
    // The frame is cross-site: browsers do not send the Lax cookie there, so the gateway goes by `sid`.
    const frame = await new Browser().go(frames[0] ?? '');
    expect(frame.status).toBe(200);

    const refused = await queryWithCookie(value);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refreshes tokens once, however many requests arrive together', async () => {
    const browser = new Browser();
    await logIn(browser, 'lawyer-many');
    const value = (await sessionCookie(browser)) ?? '';
    const before = stack.mocks.idporten.stats.refreshes;
    // Access tokens live 6 s here and are refreshed when less than 5 s remain.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const answers = await Promise.all(Array.from({ length: 12 }, () => queryWithCookie(value)));
    for (const answer of answers) expect(answer.body.data?.viewer.country).toBe('NO');
    expect(stack.mocks.idporten.stats.refreshes - before).toBe(1);
    // And the session carries on with the new tokens.
    expect((await queryWithCookie(value)).body.data?.viewer.country).toBe('NO');
    expect(stack.mocks.idporten.stats.refreshes - before).toBe(1);
  });

  it('ends a session after 30 idle minutes, and after 120 minutes however active', async () => {
    const idle = new Browser();
    await logIn(idle, 'guardian');
    const idleCookie = (await sessionCookie(idle)) ?? '';
    const active = new Browser();
    await logIn(active, 'bereaved');
    const activeCookie = (await sessionCookie(active)) ?? '';
    try {
      clockOffsetMs = 29 * 60_000;
      expect((await queryWithCookie(activeCookie)).body.data?.viewer.country).toBe('NO');
      clockOffsetMs = 31 * 60_000;
      expect((await queryWithCookie(idleCookie)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const minutes of [55, 80, 105, 119]) {
        clockOffsetMs = minutes * 60_000;
        expect((await queryWithCookie(activeCookie)).body.data?.viewer.country).toBe('NO');
      }
      clockOffsetMs = 121 * 60_000;
      expect((await queryWithCookie(activeCookie)).body.errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('answers an unknown provider and a forged cookie clearly', async () => {
    const browser = new Browser();
    const page = await browser.fetch(`${stack.url}/auth/login?idp=facebook`);
    expect(page.status).toBe(400);
    expect(page.text).toContain(say('nb', 'UNKNOWN_LOGIN_PROVIDER'));
    const forged = await queryWithCookie('not-a-session');
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
