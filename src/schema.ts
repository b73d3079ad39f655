/** Builds the executable schema from the SDL in `schema/` and the resolvers. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { applyFieldAccess } from './graphql/field-access.js';
import { resolvers } from './resolvers/index.js';

/** `schema/` sits at the project root: one level up from `src/`, two from the built `dist/src/`. */
function schemaDirectory(): string {
  for (const relative of ['../schema', '../../schema']) {
    const candidate = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('schema/ directory not found next to the gateway');
}

export function loadTypeDefs(): string[] {
  const directory = schemaDirectory();
  return readdirSync(directory)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(directory, f), 'utf8'));
}

/** The executable schema; field-level access is applied last, over every resolver. */
export function buildSchema(): GraphQLSchema {
  return applyFieldAccess(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
