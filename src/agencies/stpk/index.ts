/** STPK as a module of the graph: the settings it reads from the environment, and its adapter built from them. */
import { z } from 'zod';
import { baseUrl, defineAgency, secret } from '../kit/module.js';
import { createStpkAdapter } from './adapter.js';

export const stpkModule = defineAgency({
  code: 'stpk',
  settings: (production) =>
    z
      .object({
        STPK_BASE_URL: baseUrl(production, 'http://127.0.0.1:4103'),
        STPK_TOKEN: secret(production, 'stpk-dev-token'),
        // Mit Overblik launched on 1 November; cases created before it are not shown.
        STPK_CUTOFF_DATE: z.iso.date().default('2025-11-01'),
      })
      .transform((env) => ({
        baseUrl: env.STPK_BASE_URL,
        token: env.STPK_TOKEN,
        cutoff: env.STPK_CUTOFF_DATE,
      })),
  create: (settings, http) => createStpkAdapter({ ...settings, http }),
});
