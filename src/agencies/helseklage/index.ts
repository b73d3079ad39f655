/** Helseklage as a module of the graph: the settings it reads from the environment, and its adapter built from them. */
import { z } from 'zod';
import { baseUrl, defineAgency, secret } from '../kit/module.js';
import { createHelseklageAdapter } from './adapter.js';

export const helseklageModule = defineAgency({
  code: 'helseklage',
  settings: (production) =>
    z
      .object({
        HELSEKLAGE_BASE_URL: baseUrl(production, 'http://127.0.0.1:4102'),
        HELSEKLAGE_USERNAME: production ? z.string().min(1) : z.string().default('bff'),
        HELSEKLAGE_PASSWORD: secret(production, 'helseklage-dev-password'),
      })
      .transform((env) => ({
        baseUrl: env.HELSEKLAGE_BASE_URL,
        username: env.HELSEKLAGE_USERNAME,
        password: env.HELSEKLAGE_PASSWORD,
      })),
  create: (settings, http) => createHelseklageAdapter({ ...settings, http }),
});
