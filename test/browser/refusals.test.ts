/**
 * Refusals in the portal are the person's own situation, told in the graph's words, never an error page:
 * a ward, a D-number, a lawyer registered only with a shared inbox, a party without a mobile number, and
 * a login at a lower assurance level than NPE asks. Each persona's screen is checked against what the graph
 * says to the same person.
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

interface Said {
  cases: {
    agencyStatuses: { agency: { code: string }; status: string; message: string }[];
    nodes: { id: string; viewerAccess: { message: string | null } }[];
  };
}

/** What the graph tells this person on their dashboard: each agency not shown, each case not fully open. */
async function whatTheGraphSays(token: string) {
  const { body } = await portal.stack.graphql<Said>(
    '{ cases(first: 50) { agencyStatuses { agency { code } status message } nodes { id viewerAccess { message } } } }',
    { token },
  );
  const { agencyStatuses, nodes } = body.data!.cases;
  return {
    banners: agencyStatuses.filter((s) => s.status !== 'OK'),
    closedCases: nodes.filter((n) => n.viewerAccess.message),
  };
}

describe('refusals, as the person’s own situation', () => {
  it.each([
    ['ward', 'a ward: neither Norwegian portal admits a person under guardianship', ['npe', 'helseklage']],
    ['dnumber', 'a D-number: the Norwegian portals admit only fødselsnummer', ['npe', 'helseklage']],
    ['lawyer-shared-inbox', 'a lawyer with only a shared inbox: Helseklage asks for a personal e-mail', []],
    ['missing-mobile', 'a party without a mobile number at Helseklage', []],
  ] as const)('%s — %s', async (key, _why, refusedAgencies) => {
    const token = await portal.stack.token(key);
    const said = await whatTheGraphSays(token);
    const { page, step, logIn, expectAccessible, pageErrors } = await portal.open();
    await logIn(key);
    await step('each refusal the graph gives is on screen, in its words, as information', async () => {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mine saker');
      for (const code of refusedAgencies)
        expect(said.banners.find((b) => b.agency.code === code)?.status).toBe('NOT_ELIGIBLE');
      for (const banner of said.banners) {
        const shown = page.locator(`[data-agency="${banner.agency.code}"]`);
        expect(await shown.getAttribute('data-status')).toBe(banner.status);
        expect(await shown.textContent()).toContain(banner.message);
        expect(await shown.getAttribute('data-color')).not.toBe('danger');
      }
      for (const closed of said.closedCases)
        expect(await page.locator(`[data-case-id="${closed.id}"]`).textContent()).toContain(
          closed.viewerAccess.message,
        );
      expect(said.banners.length + said.closedCases.length).toBeGreaterThan(0);
      expect(await page.getByText('Noe gikk galt').count()).toBe(0);
    });
    await expectAccessible(`the dashboard of ${key}`);
    expect(pageErrors).toEqual([]);
  });

  it('a login at a lower assurance level: NPE says which level it asks for, Helseklage shows her cases', async () => {
    const { page, step, logIn } = await portal.open();
    await logIn('citizen-npe-helseklage', { level: 'idporten-loa-substantial' });
    await step(
      'the NPE banner asks for a login at a high level; the appeal at Helseklage is there',
      async () => {
        const npe = page.locator('[data-agency="npe"]');
        await npe.waitFor();
        expect(await npe.getAttribute('data-status')).toBe('NOT_ELIGIBLE');
        expect(await npe.textContent()).toMatch(/høyt|høy/);
        expect(await page.locator('[data-agency="helseklage"]').getAttribute('data-status')).toBe(
          'CONSENT_REQUIRED',
        );
      },
    );
  });
});
