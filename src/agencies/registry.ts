/**
 * The agencies the graph covers. Adding one is a folder beside these and one line here.
 */
import { helseklageModule } from './helseklage/index.js';
import type { AgencyModule } from './kit/module.js';
import { npeModule } from './npe/index.js';
import { patienterstatningenModule } from './patienterstatningen/index.js';
import type { Lang } from '../i18n.js';
import type { AgencyAdapter, CaseLink } from './kit/port.js';
import { stpkModule } from './stpk/index.js';

export const AGENCY_MODULES: readonly AgencyModule<never>[] = [
  npeModule,
  helseklageModule,
  stpkModule,
  patienterstatningenModule,
] as never;

/**
 * Which agency appeals which, as the links between their cases: an agency's system names the other body
 * in its own words (`names`), and here that becomes the agency of the graph that keeps that body's cases
 * (`to`). A body named that is not here (Helseklage hears appeals from a dozen first instances) links to
 * nothing in the graph.
 */
export const CASE_LINKS: readonly { from: string; names: string; to: string }[] = [
  // NPE's decisions are appealed to the national complaints body, Pasientskadenemnda's secretariat.
  { from: 'npe', names: 'NASJONALT_KLAGEORGAN', to: 'helseklage' },
  { from: 'helseklage', names: 'NPE', to: 'npe' },
  // Patienterstatningen's decisions go to Ankenævnet for Patienterstatningen, whose secretariat is STPK.
  { from: 'patienterstatningen', names: 'ANKENAEVNET_FOR_PATIENTERSTATNINGEN', to: 'stpk' },
  { from: 'stpk', names: 'PATIENTERSTATNINGEN', to: 'patienterstatningen' },
];

/** The live adapters, in the order the graph lists agencies. */
export class AgencyRegistry {
  readonly #byCode: Map<string, AgencyAdapter>;

  constructor(readonly adapters: readonly AgencyAdapter[]) {
    this.#byCode = new Map(adapters.map((a) => [a.definition.code, a]));
  }

  get(code: string): AgencyAdapter | undefined {
    return this.#byCode.get(code);
  }

  /** A case's link as a case of the graph: the agency that keeps it (when the graph has it) and its number. */
  linkedCase(from: string, link: CaseLink): { agency: string; caseNumber: string } | null {
    const to = CASE_LINKS.find((l) => l.from === from && l.names === link.body)?.to;
    return to && this.#byCode.has(to) ? { agency: to, caseNumber: link.caseNumber } : null;
  }

  /** An agency's name in a language (its code when the agency is unknown). */
  nameOf(code: string, lang: Lang): string {
    return this.get(code)?.definition.name[lang] ?? code;
  }

  async close(): Promise<void> {
    await Promise.all(this.adapters.map((a) => a.close()));
  }
}
