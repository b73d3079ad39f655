/**
 * Notifications in the portal, as Ingrid lives them: she has her appeal open when Helseklage moves it a
 * step; the page says so and the timeline moves without a reload, the menu counts the unread, and her
 * inbox lists it until she marks it read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealInProgress } from '../helpers/cases.js';
import { startPortalStack, type PortalStack } from './portal.js';

let portal: PortalStack;

beforeAll(async () => {
  portal = await startPortalStack();
});

afterAll(async () => {
  await portal?.close();
});

describe('notifications in the portal', () => {
  it('a step taken at Helseklage reaches her open case page live, and waits in her inbox until she reads it', async () => {
    await portal.stack.token('citizen-npe-helseklage');
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step, logIn, expectAccessible, pageErrors } = await portal.open();
    await logIn('citizen-npe-helseklage');
    const unreadBadge = page.getByRole('navigation').locator('[data-unread]');
    const current = page.locator('[aria-current="step"]');

    const before = await step('she opens her appeal; nothing is unread', async () => {
      await page.locator('[data-case-id]', { hasText: appeal.caseNumber }).getByRole('link').click();
      await current.waitFor();
      expect(await unreadBadge.count()).toBe(0);
      // Marks this very page: a reload would lose it.
      await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
      return (await current.textContent()) ?? '';
    });

    const events = await step(
      'Helseklage moves the appeal: the page says so, and its timeline moves, without a reload',
      async () => {
        const sent = (await portal.stack.mocks.agencies.helseklage.advance(appeal.caseNumber)) ?? [];
        expect(sent.length).toBeGreaterThan(0);
        await page.locator('[data-live-event]').waitFor();
        expect(await page.locator('[aria-live="polite"]').textContent()).toContain('Nytt i saken din');
        await expect.poll(() => current.textContent()).not.toBe(before);
        await expect.poll(() => unreadBadge.getAttribute('data-unread')).toBe(String(sent.length));
        expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
        return sent.length;
      },
    );

    await step('her inbox lists it as unread; marking it read empties the count', async () => {
      await page
        .getByRole('navigation')
        .getByRole('link', { name: /^Varsler/ })
        .click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Varsler');
      const unread = page.locator('[data-notification][data-read="false"]');
      await expect.poll(() => unread.count()).toBe(events);
      await expectAccessible('the inbox');
      await page.getByRole('button', { name: 'Merk alle som lest' }).click();
      await expect.poll(() => unread.count()).toBe(0);
      await unreadBadge.waitFor({ state: 'detached' });
      await page.getByText('0 uleste').waitFor();
    });

    await step('from the inbox, the notification leads to the case', async () => {
      await page.locator('[data-notification]').first().getByRole('link', { name: 'Åpne saken' }).click();
      await expect
        .poll(() => page.locator('[data-case-number]').getAttribute('data-case-number'))
        .toBe(appeal.caseNumber);
    });
    expect(pageErrors).toEqual([]);
  });

  it('when the live stream breaks, the page opens it again by itself, and the next step still arrives', async () => {
    await portal.stack.token('citizen-npe-helseklage');
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step, logIn } = await portal.open();
    // The first stream the page opens is cut at once, as a dropped connection would be.
    let streams = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName !== 'CaseEvents') return route.continue();
      streams++;
      return streams === 1 ? route.abort('connectionreset') : route.continue();
    });
    await logIn('citizen-npe-helseklage');
    await page.locator('[data-case-id]', { hasText: appeal.caseNumber }).getByRole('link').click();
    const current = page.locator('[aria-current="step"]');
    await current.waitFor();
    await step('the cut stream is opened again after its pause; the case stayed on screen', async () => {
      await expect.poll(() => streams, { timeout: 10_000 }).toBe(2);
      expect(await page.getByText('Failed to fetch').count()).toBe(0);
    });
    await step('a step taken now reaches the open page', async () => {
      const before = await current.textContent();
      await page.waitForTimeout(500);
      await portal.stack.mocks.agencies.helseklage.advance(appeal.caseNumber);
      await expect.poll(() => current.textContent()).not.toBe(before);
      await page.locator('[data-live-event]').waitFor();
    });
  });
});
