/**
 * The agencies the graph covers. Adding one is a folder beside these and one line here.
 */
import { helseklageModule } from './helseklage/index.js';
import type { AgencyModule } from './module.js';
import { npeModule } from './npe/index.js';
import { patienterstatningenModule } from './patienterstatningen/index.js';
import type { Lang } from '../i18n.js';
import type { AgencyAdapter } from './port.js';
import { stpkModule } from './stpk/index.js';

export const AGENCY_MODULES: readonly AgencyModule<never>[] = [
  npeModule,
  helseklageModule,
  stpkModule,
  patienterstatningenModule,
] as never;

/** The live adapters, in the order the graph lists agencies. */
export class AgencyRegistry {
  readonly #byCode: Map<string, AgencyAdapter>;

  constructor(readonly adapters: readonly AgencyAdapter[]) {
    this.#byCode = new Map(adapters.map((a) => [a.definition.code, a]));
  }

  get(code: string): AgencyAdapter | undefined {
    return this.#byCode.get(code);
  }

  /** An agency's name in a language (its code when the agency is unknown). */
  nameOf(code: string, lang: Lang): string {
    return this.get(code)?.definition.name[lang] ?? code;
  }

  async close(): Promise<void> {
    await Promise.all(this.adapters.map((a) => a.close()));
  }
}
