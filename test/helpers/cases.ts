/** Cases of the seed that tests move along, and the mock agencies' dev route that moves them. */
import { request } from 'undici';
import type { MockCase, World } from '../../mocks/seed/model.js';
import { persona } from './stack.js';

/** Ingrid's appeal at Helseklage, in progress. */
export function appealInProgress(world: World): MockCase {
  const pid = persona('citizen-npe-helseklage').login.pid;
  const found = world.cases.helseklage.find(
    (c) =>
      !c.closedAt &&
      c.participants.some((p) => p.role === 'PARTY' && p.nationalId === pid) &&
      c.steps.findIndex((s) => s.state === 'CURRENT') < c.steps.length - 3,
  );
  if (!found) throw new Error('no appeal in progress for Ingrid');
  return found;
}

/** Advances a case one step at a mock agency; the number of events the agency sent. */
export async function advance(agencyUrl: string, caseNumber: string): Promise<number> {
  const response = await request(`${agencyUrl}/_mock/cases/${encodeURIComponent(caseNumber)}/advance`, {
    method: 'POST',
  });
  const { events } = (await response.body.json()) as { events: unknown[] };
  return events.length;
}
