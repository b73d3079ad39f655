/**
 * "Who has seen my cases" in the portal, as Anders Berg uses it: Marte Lunde, his proxy at Helseklage,
 * reads his case; he opens the page from the menu and sees her — by name and role, on what basis — beside
 * his own reads, newest first.
 */
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

describe('who has seen my cases', () => {
  it('shows the party his proxy’s read of his case, by name and role, and his own', async () => {
    const anders = persona('represented-party').login.pid ?? '';
    const shared = portal.stack.mocks.world.cases.helseklage.find(
      (c) =>
        c.participants.some((p) => p.nationalId === anders && p.role === 'PARTY') &&
        c.participants.some((p) => p.role === 'PROXY' && p.nationalId === persona('proxy').login.pid),
    );
    expect(shared).toBeDefined();
    const proxyName = shared!.participants.find((p) => p.role === 'PROXY')!.name;
    const caseId = `helseklage:${shared!.caseNumber}`;
    await portal.stack.token('represented-party');
    const { body } = await portal.stack.graphql('query ($id: ID!) { case(id: $id) { id } }', {
      token: await portal.stack.token('proxy'),
      variables: { id: caseId },
    });
    expect(body.errors).toBeUndefined();

    const { page, step, logIn, expectAccessible, pageErrors } = await portal.open();
    await logIn('represented-party');

    await step('from the menu, the page lists his proxy’s read by name and role, on what basis', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Hvem har sett sakene mine' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Hvem har sett sakene mine');
      const byProxy = page.locator('[data-access-entry="READ_CASE"][data-by-viewer="false"]');
      await byProxy.first().waitFor();
      expect(await byProxy.first().textContent()).toContain(`${proxyName}, Fullmektig: Leste saken`);
      expect(await byProxy.first().textContent()).toContain('Registrert i saken hos etaten');
      // His own reads of the dashboard are there too.
      await expect.poll(() => page.locator('[data-by-viewer="true"]').count()).toBeGreaterThan(0);
      await expectAccessible('who has seen my cases');
    });
    expect(pageErrors).toEqual([]);
  });
});
