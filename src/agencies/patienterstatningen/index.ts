/** Patienterstatningen as a module of the graph: the settings it reads from the environment, and its adapter built from them. */
import { z } from 'zod';
import { baseUrl, defineAgency, secret } from '../kit/module.js';
import { CODE } from './mapping.js';
import { createPatienterstatningenAdapter } from './adapter.js';

export const patienterstatningenModule = defineAgency({
  code: CODE,
  settings: (production) =>
    z
      .object({
        PATIENTERSTATNINGEN_BASE_URL: baseUrl(production, 'http://127.0.0.1:4104'),
        PATIENTERSTATNINGEN_API_KEY: secret(production, 'patienterstatningen-dev-api-key'),
      })
      .transform((env) => ({
        baseUrl: env.PATIENTERSTATNINGEN_BASE_URL,
        apiKey: env.PATIENTERSTATNINGEN_API_KEY,
      })),
  create: (settings, http) => createPatienterstatningenAdapter({ ...settings, http }),
});
