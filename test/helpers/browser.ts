/**
 * A small browser for login tests: a real HTTP client (undici) with a real cookie jar (tough-cookie, which
 * applies Secure, SameSite, `__Host-` and path rules as browsers do). It follows redirects one hop at a
 * time so that a test can look at, or tamper with, every hop.
 */
import { CookieJar } from 'tough-cookie';
import { request } from 'undici';
import { SESSION_COOKIE } from '../../src/auth/sessions.js';

export interface Page {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface HtmlForm {
  action: string;
  fields: Record<string, string>;
}

export class Browser {
  readonly jar = new CookieJar();
  /** Every URL visited, in order. */
  readonly visited: string[] = [];

  /** One request, no redirects followed; cookies sent and stored. */
  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    this.visited.push(url);
    const cookie = await this.jar.getCookieString(url);
    // A form is posted as browsers post it, even with no fields: urlencoded, perhaps empty.
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const response = await request(url, {
      method: (init.method ?? (body !== undefined ? 'POST' : 'GET')) as 'GET',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      await this.jar.setCookie(line, url);
    }
    return { url, status: response.statusCode, headers: response.headers, text: await response.body.text() };
  }

  /** Requests and follows redirects until a page answers (or `until` says stop before following one). */
  async go(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    until: (location: string) => boolean = () => false,
  ): Promise<Page> {
    let page = await this.fetch(url, init);
    for (let hop = 0; hop < 20; hop++) {
      const location = page.headers.location;
      if (page.status < 300 || page.status >= 400 || typeof location !== 'string') return page;
      const next = new URL(location, page.url).href;
      if (until(next)) return page;
      page = await this.fetch(next);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Where a page redirects to. */
  static location(page: Page): string {
    const location = page.headers.location;
    if (typeof location !== 'string')
      throw new Error(`${page.url} answered ${page.status} without a redirect`);
    return new URL(location, page.url).href;
  }

  /** The forms of a page (enough HTML parsing for the mock providers' own pages). */
  static forms(page: Page): HtmlForm[] {
    return [...page.text.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map((match) => ({
      action: new URL(decode(match[1] ?? ''), page.url).href,
      fields: Object.fromEntries(
        [...(match[2] ?? '').matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g)].map((m) => [
          decode(m[1] ?? ''),
          decode(m[2] ?? ''),
        ]),
      ),
    }));
  }

  /** The frames a page loads (front-channel logout). */
  static frames(page: Page): string[] {
    return [...page.text.matchAll(/<iframe[^>]*src="([^"]*)"/g)].map(
      (m) => new URL(decode(m[1] ?? ''), page.url).href,
    );
  }

  /** Where a page's "continue" link leads (the providers' logout pages). */
  static continueLink(page: Page): string {
    const href = /id="continue" href="([^"]+)"/.exec(page.text)?.[1];
    if (!href) throw new Error(`${page.url} has no continue link`);
    return new URL(decode(href), page.url).href;
  }

  /**
   * Logs in at the gateway as the person with this national id, picking them on the mock provider's login
   * page; the session cookie's value (empty when the login failed).
   */
  async logIn(
    gatewayUrl: string,
    nationalId: string,
    idp: 'idporten' | 'mitid' = 'idporten',
  ): Promise<string> {
    const page = await this.go(`${gatewayUrl}/auth/login?idp=${idp}`);
    const form = Browser.forms(page).find((f) => f.fields.nationalId === nationalId);
    if (!form) throw new Error(`the login page offers no ${nationalId}`);
    await this.go(form.action, { form: form.fields });
    return (await this.cookie(gatewayUrl, SESSION_COOKIE))?.value ?? '';
  }

  /** A cookie as the jar holds it for a URL. */
  async cookie(url: string, name: string) {
    return (await this.jar.getCookies(url)).find((c) => c.key === name);
  }
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Logs a persona (by national id) in through the gateway's BFF login, as a browser does; the browser keeps the session cookie. */
export async function logInThroughBff(
  browser: Browser,
  gatewayUrl: string,
  nationalId: string,
): Promise<Page> {
  const page = await browser.go(`${gatewayUrl}/auth/login?idp=idporten`);
  const form = Browser.forms(page).find((f) => f.fields.nationalId === nationalId);
  if (!form) throw new Error(`no login form for ${nationalId}`);
  return browser.go(form.action, { form: form.fields });
}
