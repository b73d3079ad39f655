/** Builds the executable schema from the SDL in `schema/` and the resolvers. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { applyFieldAccess } from './graphql/field-access.js';
import { projectPath } from './project-path.js';
import { resolvers } from './resolvers/index.js';

function schemaDirectory(): string {
  const directory = projectPath('schema');
  if (!directory) throw new Error('schema/ directory not found next to the gateway');
  return directory;
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
