/**
 * How an agency plugs in: its folder exports an AgencyModule that names the environment variables it
 * needs (validated with the rest of the configuration) and builds its adapter from them.
 */
import { z } from 'zod';
import type { AgencyHttpOptions } from './http.js';
import type { AgencyAdapter } from './port.js';

export type HttpSettings = Omit<AgencyHttpOptions, 'agency' | 'baseUrl' | 'headers'>;

export interface AgencyModule<S = unknown> {
  code: string;
  /** Reads this agency's settings from the environment. In development, defaults point at the local mocks. */
  settings(production: boolean): z.ZodType<S>;
  create(settings: S, http: HttpSettings): AgencyAdapter;
}

export function defineAgency<S>(module: AgencyModule<S>): AgencyModule<S> {
  return module;
}

/** A required secret in production, a local-mock default in development. */
export function secret(production: boolean, devDefault: string) {
  return production ? z.string().min(8) : z.string().min(1).default(devDefault);
}

/** A required URL in production, a local-mock default in development. */
export function baseUrl(production: boolean, devDefault: string) {
  return production ? z.url() : z.url().default(devDefault);
}
