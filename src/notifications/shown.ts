/**
 * Which agencies' notifications the viewer is shown: those whose portal they may use now. Withdrawing consent
 * at an agency hides what it said in the portal (kept, and shown again if they consent again), as the rest
 * of that agency is hidden.
 */
import type { ViewerRequest } from '../access/viewer.js';

export async function agenciesShown(
  context: Pick<ViewerRequest, 'viewer' | 'registry'>,
): Promise<(agency: string) => boolean> {
  const shown = new Set<string>();
  for (const { definition } of context.registry.adapters) {
    if (await context.viewer.seesAgency(definition)) shown.add(definition.code);
  }
  return (agency) => shown.has(agency);
}
