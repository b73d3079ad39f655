/**
 * The lawyer overview in the portal, as Erik Solberg (lawyer-many, a few hundred cases at NPE and Helseklage) uses
 * it: what needs his action first, filtered by agency and status, 20 at a time, a case file as ZIP — and
 * the case he shares with another lawyer shown as closed to him, in the graph's words.
 */
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persona } from '../helpers/stack.js';
import { startPortalStack, type PortalStack } from './portal.js';

let portal: PortalStack;

beforeAll(async () => {
  portal = await startPortalStack();
});

afterAll(async () => {
  await portal?.close();
});

/** The deadlines of the rows on screen, in order ('' for none). */
async function deadlines(page: Page) {
  return page
    .locator('table.overview [data-case-id]')
    .evaluateAll((all) => all.map((r) => r.getAttribute('data-deadline') ?? ''));
}

describe('the lawyer overview', () => {
  it('shows every one of his cases, what needs action first, 20 at a time, filtered by agency and status', async () => {
    await portal.stack.token('lawyer-many');
    const { page, step, logIn, expectAccessible, picture, pageErrors } = await portal.open();
    const overviewRequests: Request[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('"LawyerOverview"')) overviewRequests.push(request);
    });
    await logIn('lawyer-many');
    const status = page.getByRole('status').filter({ hasText: /^Viser / });

    const total = await step(
      'from his cases, one link leads to the overview, which reads all his cases',
      async () => {
        await page.getByRole('link', { name: /saksoversikten/ }).click();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Saksoversikt');
        await status.waitFor({ timeout: 20_000 });
        const count = Number(await status.getAttribute('data-count'));
        expect(count).toBeGreaterThan(20);
        // All of them, read in pages of 100 (each one batched call per agency at the gateway).
        const { body } = await portal.stack.graphql<{ cases: { totalCount: number } }>(
          '{ cases(first: 1, filter: { roles: [LAWYER] }) { totalCount } }',
          { token: await portal.stack.token('lawyer-many') },
        );
        const all = body.data?.cases.totalCount ?? 0;
        expect(all).toBeGreaterThan(100);
        expect(overviewRequests.length).toBe(Math.ceil(all / 100));
        expect(await status.textContent()).toBe(`Viser 1–20 av ${count} saker`);
        expect(await page.locator('table.overview [data-case-id]').count()).toBe(20);
        return count;
      },
    );
    await expectAccessible('the lawyer overview');
    await picture('lawyer-overview');

    await step('deadlines come first, the nearest first', async () => {
      const due = await deadlines(page);
      const withDeadline = due.filter((d) => d !== '');
      expect(withDeadline.length).toBeGreaterThan(0);
      expect(due.slice(0, withDeadline.length)).toEqual(withDeadline);
      expect(withDeadline).toEqual([...withDeadline].sort());
    });

    await step('the next page shows the next 20', async () => {
      await page.getByRole('button', { name: 'Neste' }).click();
      await expect.poll(() => status.textContent()).toBe(`Viser 21–40 av ${total} saker`);
    });

    await step('only NPE: every row is at NPE, fewer in all, back at the first page', async () => {
      await page.getByLabel('Etat').selectOption({ label: 'Norsk pasientskadeerstatning' });
      await expect.poll(async () => Number(await status.getAttribute('data-count'))).toBeLessThan(total);
      expect(await status.textContent()).toMatch(/^Viser 1–/);
      const agencies = await page
        .locator('table.overview [data-case-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-id')?.split(':')[0]));
      expect(new Set(agencies)).toEqual(new Set(['npe']));
    });

    await step('closed cases only: every row says so', async () => {
      await page.getByLabel('Status').selectOption({ label: 'Avsluttede saker' });
      await status.waitFor();
      const labels = await page.locator('table.overview [data-case-id] td:nth-child(3)').allTextContents();
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels)).toEqual(new Set(['Avsluttet']));
    });
    expect(pageErrors).toEqual([]);
  });

  it('downloads a case file as ZIP from the overview, and shows the case he shares with another lawyer as closed to him', async () => {
    await portal.stack.token('lawyer-many');
    const { page, step, logIn } = await portal.open();
    await logIn('lawyer-many');
    await page.goto(`${portal.portal.url}/oversikt`);
    const status = page.getByRole('status').filter({ hasText: /^Viser / });
    await status.waitFor({ timeout: 20_000 });

    await step('the first row’s case file downloads as a ZIP', async () => {
      const row = page.locator('table.overview [data-case-id]').first();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: /ZIP/ }).click(),
      ]);
      expect(
        readFileSync((await download.path()) ?? '')
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
    });

    await step('the shared case says why it is closed, as the graph says it', async () => {
      const [erik, nina] = [persona('lawyer-many'), persona('second-lawyer')].map((p) => p.login.pid);
      const shared = portal.stack.mocks.world.cases.helseklage.find(
        (c) =>
          c.participants.some((p) => p.role === 'LAWYER' && p.nationalId === erik) &&
          c.participants.some((p) => p.role === 'LAWYER' && p.nationalId === nina),
      );
      if (!shared) throw new Error('no case shared by the two lawyers');
      const id = `helseklage:${shared.caseNumber}`;
      const { body } = await portal.stack.graphql<{ case: { viewerAccess: { message: string | null } } }>(
        'query ($id: ID!) { case(id: $id) { viewerAccess { message } } }',
        { variables: { id }, token: await portal.stack.token('lawyer-many') },
      );
      const message = body.data?.case.viewerAccess.message;
      expect(message).toBeTruthy();
      await page.getByLabel('Status').selectOption({ label: 'Alle' });
      await page
        .getByLabel('Etat')
        .selectOption({ label: 'Nasjonalt klageorgan for helsetjenesten (Helseklage)' });
      // Page through until the row is on screen.
      const row = page.locator(`table.overview [data-case-id="${id}"]`);
      for (let n = 0; n < 20 && (await row.count()) === 0; n++)
        await page.getByRole('button', { name: 'Neste' }).click();
      expect(await row.textContent()).toContain(message);
    });
  });

  it('a rejection decided days ago says where and by when he can appeal, on the case and in its timeline', async () => {
    const erik = persona('lawyer-many').login.pid;
    const rejected = portal.stack.mocks.world.cases.npe.find(
      (c) =>
        c.participants.some((p) => p.nationalId === erik) &&
        c.caseType === 'PASIENTSKADE' &&
        c.outcome === 'AVSLAG' &&
        !c.appealedTo &&
        !c.steps.some((s) => s.code === 'KLAGE_MOTTATT' && s.state === 'COMPLETED') &&
        c.decidedAt !== null &&
        Date.now() - Date.parse(c.decidedAt) < 14 * 86_400_000,
    );
    if (!rejected) throw new Error('the seed has no fresh NPE rejection for lawyer-many');
    await portal.stack.token('lawyer-many');
    const { page, step, logIn, expectAccessible, pageErrors } = await portal.open();
    await logIn('lawyer-many');
    await page.goto(`${portal.portal.url}/sak/${encodeURIComponent(`npe:${rejected.caseNumber}`)}`);

    await step('the decision, the deadline and how to appeal', async () => {
      const decision = page.locator('[data-appeal-state="OPEN"]');
      await decision.waitFor({ timeout: 20_000 });
      expect(await decision.getByRole('heading', { level: 2 }).textContent()).toBe('Vedtak');
      expect(await decision.locator('[data-appeal-status]').textContent()).toMatch(
        /^Du kan klage til Pasientskadenemnda innen \d{1,2}\. \w+ \d{4}\.$/,
      );
      expect(await decision.locator('[data-appeal-how]').textContent()).toContain('Send klagen til NPE');
    });
    await step('the last day is among the coming steps, and among the deadlines', async () => {
      const deadline = page
        .getByRole('list', { name: 'Saksgang' })
        .getByRole('listitem')
        .filter({ hasText: 'Frist for å klage til Pasientskadenemnda' });
      expect(await deadline.getAttribute('data-state')).toBe('UPCOMING');
      expect(await deadline.textContent()).toMatch(/siste dag \d{1,2}\. \w+ \d{4}/);
      expect(
        await page
          .getByRole('listitem')
          .filter({ hasText: /^Frist for å klage til Pasientskadenemnda: / })
          .count(),
      ).toBe(1);
    });
    await expectAccessible('a decided case with an appeal deadline');
    expect(pageErrors).toEqual([]);
  });
});
