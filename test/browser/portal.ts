/**
 * The reference portal in a real browser: the portal's production build on its own origin, the real gateway
 * and mocks behind it (startTestStack), and Chromium driven by playwright-core. Steps that fail leave a
 * screenshot in test-results/portal/, named by test and step.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { reservePort } from '../../scripts/processes.js';
import { servePortalBuild, type PortalServer } from '../../scripts/portal.js';
import { persona, startTestStack, type TestStack, type TestStackOptions } from '../helpers/stack.js';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/portal/', import.meta.url));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

export interface PortalStack {
  stack: TestStack;
  portal: PortalServer;
  browser: Browser;
  /** A new browser window (its own cookies and storage) in this language, on the portal. */
  open: (options?: { locale?: string }) => Promise<PortalPage>;
  close: () => Promise<void>;
}

export interface PortalPage {
  page: Page;
  context: BrowserContext;
  /** Runs a step of a test; when it fails, the page as it was is saved as a screenshot and named in the error. */
  step: <T>(name: string, run: () => Promise<T>) => Promise<T>;
  /**
   * Logs in as a persona through the portal's button and the mock provider's persona page; with `level`,
   * through its form for anyone, at that assurance level.
   */
  logIn: (personaKey: string, options?: { level?: string }) => Promise<void>;
  /** axe-core's WCAG 2.1 A/AA rules on the page as it is now: no serious or critical violation. */
  expectAccessible: (where: string) => Promise<void>;
  /** Tabs forward until the focus is on the element named so (its text, label or aria-label), at most 60 stops. */
  tabTo: (name: string) => Promise<void>;
  /**
   * The page as the docs show it (docs/portal/<name>.png), saved only when `npm run portal:docs` runs the
   * tests (PORTAL_DOCS names the folder).
   */
  picture: (name: string) => Promise<void>;
  /** Errors thrown in the page (uncaught), which no test should see. */
  pageErrors: string[];
}

/** Where `npm run portal:docs` collects pictures and measures; unset in a plain test run. */
const DOCS = process.env.PORTAL_DOCS;

/** A measure for docs/portal.md (when PORTAL_DOCS is set): merged into measures.json there. */
export function recordMeasure(name: string, value: number | string): void {
  if (!DOCS) return;
  mkdirSync(DOCS, { recursive: true });
  const file = join(DOCS, 'measures.json');
  const measures = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  writeFileSync(file, `${JSON.stringify({ ...measures, [name]: value }, null, 2)}\n`);
}

export async function startPortalStack(options: TestStackOptions = {}): Promise<PortalStack> {
  // The portal's origin must be known to the gateway (CORS, login's returnTo) before either starts.
  const { port, release } = await reservePort();
  const portalOrigin = `http://127.0.0.1:${port}`;
  const stack = await startTestStack({ ...options, env: { CORS_ORIGINS: portalOrigin, ...options.env } });
  await release();
  const portal = await servePortalBuild(inject('portalBuild'), {
    graphUrl: stack.url,
    port,
    host: '127.0.0.1',
  });
  const browser = await chromium.launch({ executablePath: inject('chromium'), args: ['--no-sandbox'] });
  return {
    stack,
    portal,
    browser,
    open: (openOptions) => openPage(browser, portal.url, openOptions?.locale ?? 'nb-NO'),
    close: async () => {
      await browser.close();
      await portal.close();
      await stack.close();
    },
  };
}

async function openPage(browser: Browser, portalUrl: string, locale: string): Promise<PortalPage> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  // A step that cannot succeed fails (with its screenshot) well before the test's own time limit.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(portalUrl);
  const testName = expect.getState().currentTestName ?? 'test';
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `${slug(testName)}--${slug(name)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      if (error instanceof Error)
        error.message = `step "${name}" failed (screenshot: ${file}): ${error.message}`;
      throw error;
    }
  };
  return {
    page,
    context,
    step,
    pageErrors,
    logIn: (personaKey, options = {}) =>
      step(`log in as ${personaKey}`, async () => {
        const who = persona(personaKey);
        const nationalId = who.login.pid ?? who.login.cpr ?? '';
        await page.getByRole('link', { name: who.login.idp === 'mitid' ? /MitID/ : /ID-porten/ }).click();
        if (options.level) {
          const anyone = page.locator('form:has(input[name=nationalId]:not([type=hidden]))');
          await anyone.locator('input[name=nationalId]').fill(nationalId);
          await anyone.locator('select[name=level]').selectOption(options.level);
          await anyone.getByRole('button').click();
        } else {
          await page.locator(`form:has(input[name=nationalId][value="${nationalId}"]) button`).click();
        }
        await page.waitForURL(`${portalUrl}/**`);
      }),
    tabTo: async (name) => {
      const focused = () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          const label =
            element && 'labels' in element ? (element as HTMLInputElement).labels?.[0] : undefined;
          return (
            element?.getAttribute('aria-label') ??
            label?.textContent ??
            element?.textContent ??
            ''
          ).trim();
        });
      for (let stop = 0; stop < 60 && (await focused()) !== name; stop++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(name);
    },
    picture: async (name) => {
      if (!DOCS) return;
      mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage: false });
    },
    expectAccessible: (where) =>
      step(`accessible: ${where}`, async () => {
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: AxeApi }).axe;
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
        });
        expect(violations, `axe on ${where}`).toEqual([]);
      }),
  };
}

/** The part of axe-core's API the page calls (the script is injected, not imported). */
interface AxeApi {
  run(
    context: Document,
    options: { runOnly: { type: 'tag'; values: string[] } },
  ): Promise<{
    violations: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }[];
  }>;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9æøå]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
