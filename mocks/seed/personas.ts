/** Reads and checks `mocks/personas.json`, the one list of the seed's synthetic people. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AGENCY_CODES } from './model.js';

const personaSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(3),
  description: z.string(),
  login: z.union([
    z.object({
      idp: z.literal('idporten'),
      pid: z.string().regex(/^\d{11}$/),
      acr: z.string(),
      cpr: z.undefined().optional(),
    }),
    z.object({
      idp: z.literal('mitid'),
      cpr: z.string().regex(/^\d{10}$/),
      loa: z.string(),
      pid: z.undefined().optional(),
    }),
  ]),
  /** How many cases each agency lists the person on (every agency named, zeros included). */
  listedOn: z.record(z.enum(AGENCY_CODES), z.number().int().min(0)).optional(),
  minimumCases: z.number().optional(),
  expectations: z.array(z.string()),
});

export type Persona = z.infer<typeof personaSchema>;

export const PERSONAS_PATH = new URL('../personas.json', import.meta.url);

export function loadPersonas(): Persona[] {
  const parsed = z
    .object({ about: z.string(), personas: z.array(personaSchema) })
    .parse(JSON.parse(readFileSync(PERSONAS_PATH, 'utf8')));
  return parsed.personas;
}
