/**
 * The roles the agencies admit, in the portal: a proxy (fullmektig), a guardian (verge), a bereaved relative
 * (etterlatt) and a represented party each see their cases, their own role among the people on each case
 * (as far as they may see), and may do exactly what the graph says they may — checked against what the
 * graph says to the same person.
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
    nodes: {
      id: string;
      title: string;
      viewerCan: { submitInformation: boolean };
      participants: { roleLabel: string; isViewer: boolean }[] | null;
    }[];
  };
}

describe('each role sees its own cases, and may do what the graph says', () => {
  it.each([
    ['proxy', 'Marte Lunde, proxy for Anders Berg at Helseklage and for another patient at NPE'],
    ['guardian', 'Per Nilsen, guardian of Astrid Moen (Helseklage admits guardians; NPE not yet)'],
    ['bereaved', 'Silje Dahl, following her late father’s claim and appeal'],
    ['represented-party', 'Anders Berg, with a lawyer at NPE and a proxy at Helseklage'],
  ] as const)('%s — %s', async (key, _who) => {
    const token = await portal.stack.token(key);
    const { body } = await portal.stack.graphql<Said>(
      `{ cases(first: 50) {
          agencyStatuses { agency { code } status message }
          nodes { id title viewerCan { submitInformation } participants { roleLabel isViewer } }
        } }`,
      { token },
    );
    const said = body.data!.cases;
    expect(said.nodes.length).toBeGreaterThan(0);
    const { page, step, expectAccessible, logIn, pageErrors } = await portal.open();
    await logIn(key);

    await step('the dashboard shows every case the graph gives, and every agency it does not', async () => {
      await expect.poll(() => page.locator('[data-case-id]').count()).toBe(said.nodes.length);
      for (const node of said.nodes)
        expect(await page.locator(`[data-case-id="${node.id}"]`).textContent()).toContain(node.title);
      for (const status of said.agencyStatuses.filter((s) => s.status !== 'OK'))
        expect(await page.locator(`[data-agency="${status.agency.code}"]`).textContent()).toContain(
          status.message,
        );
    });

    for (const node of said.nodes) {
      await step(
        `the case ${node.id}: the viewer's own role among the people, and sending only if allowed`,
        async () => {
          await page.goto(`${portal.portal.url}/sak/${encodeURIComponent(node.id)}`);
          await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(node.title);
          const own = node.participants?.find((p) => p.isViewer);
          if (own)
            await page.getByText(new RegExp(`^${escapeRegExp(own.roleLabel)}: .+ \\(deg\\)$`)).waitFor();
          const people = page.locator('section', {
            has: page.getByRole('heading', { name: 'Hvem er med i saken' }),
          });
          expect(await people.getByRole('listitem').count()).toBe(node.participants?.length ?? 0);
          expect(await page.getByRole('heading', { name: 'Send ny informasjon' }).count()).toBe(
            node.viewerCan.submitInformation ? 1 : 0,
          );
        },
      );
    }
    await expectAccessible(`a case page of ${key}`);
    expect(pageErrors).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
