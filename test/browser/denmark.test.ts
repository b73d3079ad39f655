/**
 * The portal in Chromium as the Danish personas use it: MitID logins start in Danish whatever the browser
 * says (until the person chooses), and show what Mit Overblik shows — STPK's and Patienterstatningen's
 * cases, linked where the compensation appeal went to the board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalStack, type PortalStack } from './portal.js';

let portal: PortalStack;

beforeAll(async () => {
  portal = await startPortalStack();
});

afterAll(async () => {
  await portal?.close();
});

describe('Danish citizens in the portal', () => {
  it('Mette logs in with MitID from an English browser and reads her current complaint in Danish', async () => {
    const { page, step, logIn, expectAccessible, pageErrors } = await portal.open({ locale: 'en-GB' });
    await step('before the login the portal follows the browser', async () => {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Log in');
    });
    await logIn('citizen-dk');
    await step('after a MitID login it speaks Danish, and so does the graph', async () => {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mine sager');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
      // Only the current complaint: not the one from before STPK's cut-off, not her daughter's.
      await expect.poll(() => page.locator('[data-case-id]').count()).toBe(1);
      expect(await page.locator('[data-agency="npe"]').getAttribute('data-status')).toBe('NOT_ELIGIBLE');
      expect(await page.locator('[data-agency="npe"]').textContent()).toMatch(/land/);
    });
    await expectAccessible('the Danish dashboard');
    await step('her complaint shows its steps in Danish', async () => {
      await page.locator('[data-case-id] a').first().click();
      await page.getByRole('list', { name: 'Sagens forløb' }).waitFor();
      expect(await page.locator('[aria-current="step"]').count()).toBe(1);
    });
    await expectAccessible('the Danish case page');
    expect(pageErrors).toEqual([]);
  });

  it('Lars sees his rejected claim and its appeal to the board on one screen', async () => {
    const { page, step, logIn } = await portal.open({ locale: 'da-DK' });
    await logIn('citizen-dk-compensation');
    await step('his cases at Patienterstatningen and STPK, in one list', async () => {
      await expect.poll(() => page.locator('[data-case-id]').count()).toBe(3);
      const agencies = await page.locator('[data-case-id]').allTextContents();
      expect(agencies.some((card) => card.includes('Patienterstatningen'))).toBe(true);
      expect(agencies.some((card) => card.includes('Styrelsen for Patientklager'))).toBe(true);
    });
    await step('the appeal at the board names the claim it came from, one link away', async () => {
      await page.locator('[data-case-id]', { hasText: 'Styrelsen for Patientklager' }).locator('a').click();
      const related = page.getByRole('heading', { name: 'Sager, der hører sammen med denne' });
      await related.waitFor();
      const link = page.locator('section', { has: related }).getByRole('link');
      const claim = await link.textContent();
      await link.click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(claim);
    });
  });
});
