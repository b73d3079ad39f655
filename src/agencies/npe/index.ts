/** NPE as a module of the graph: the settings it reads from the environment, and its adapter built from them. */
import { z } from 'zod';
import { baseUrl, defineAgency, secret } from '../kit/module.js';
import { createNpeAdapter } from './adapter.js';

export const npeModule = defineAgency({
  code: 'npe',
  settings: (production) =>
    z
      .object({
        NPE_BASE_URL: baseUrl(production, 'http://127.0.0.1:4101'),
        NPE_API_KEY: secret(production, 'npe-dev-api-key'),
      })
      .transform((env) => ({ baseUrl: env.NPE_BASE_URL, apiKey: env.NPE_API_KEY })),
  create: (settings, http) => createNpeAdapter({ ...settings, http }),
});
