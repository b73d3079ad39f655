/**
 * Which agencies' notifications the viewer is shown: those whose portal they may use now. Withdrawing consent
 * at an agency hides what it said in the portal (kept, and shown again if they consent again), as the rest
 * of that agency is hidden.
 */
import { asksConsent } from '../access/policy.js';
import type { AuthenticatedContext } from '../context.js';

export async function agenciesShown(context: AuthenticatedContext): Promise<(agency: string) => boolean> {
  const consents = await context.consents();
  return (agency) => {
    const adapter = context.registry.get(agency);
    if (!adapter) return false;
    return !asksConsent(context.principal, adapter.definition) || (consents.get(agency)?.portal ?? false);
  };
}
