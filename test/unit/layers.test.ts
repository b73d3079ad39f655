/**
 * The house's layers bite: ESLint, with the same rules as `npm run lint` (eslint.layers.js), refuses an
 * agency adapter that reaches into the graph, the request context or the store, a module outside
 * src/access/ that evaluates the policy itself, and access rules that depend on the GraphQL layer — and lets
 * through what each may use.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layers],
});

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('an agency adapter', () => {
  it.each([
    ["import type { AuthenticatedContext } from '../../context.js';"],
    ["import type { CaseResolvers } from '../../generated/graphql.js';"],
    ["import { createStore } from '../../store/index.js';"],
    ["import { admitCase } from '../../access/policy.js';"],
    ["import { Viewer } from '../../access/viewer.js';"],
  ])('may not %s', async (line) => {
    expect(await refusals('src/agencies/npe/wrong.ts', line)).toEqual([
      expect.stringMatching(
        /^no-restricted-imports: .* import is restricted from being used by a pattern\. An agency adapter depends only on the agency kit/,
      ),
    ]);
  });

  it('may use the kit, errors, i18n and the policy’s rule builders', async () => {
    const code = [
      "import { UpstreamError } from '../../errors.js';",
      "import type { Labels } from '../../i18n.js';",
      "import type { AgencyPolicy } from '../kit/port.js';",
      "import { FULL } from '../../access/rules.js';",
      "import { createAgencyHttp } from '../kit/http.js';",
    ].join('\n');
    expect(await refusals('src/agencies/npe/right.ts', code)).toEqual([]);
  });

  it('the kit may trace its calls and name assurance levels, and no more', async () => {
    expect(
      await refusals(
        'src/agencies/kit/http.ts',
        "import { traceAgencyCall } from '../../observability/tracing.js';",
      ),
    ).toEqual([]);
    expect(
      await refusals('src/agencies/kit/port.ts', "import type { Assurance } from '../../auth/principal.js';"),
    ).toEqual([]);
    expect(
      await refusals('src/agencies/kit/http.ts', "import type { Context } from '../../context.js';"),
    ).toHaveLength(1);
    expect(
      await refusals(
        'src/agencies/npe/index.ts',
        "import { traceAgencyCall } from '../../observability/tracing.js';",
      ),
    ).toHaveLength(1);
  });

  it('the registry may not reach into the graph either', async () => {
    expect(
      await refusals('src/agencies/registry.ts', "import type { Context } from '../context.js';"),
    ).toHaveLength(1);
  });
});

describe('the policy', () => {
  it.each([
    ['src/cases/get.ts', "import { admitCase } from '../access/policy.js';"],
    ['src/events/case-events.ts', "import type { CaseAccess } from '../access/policy.js';"],
    ['src/resolvers/Query/case.ts', "import { asksConsent } from '../../access/policy.js';"],
  ])('is not evaluated outside src/access/ (%s)', async (file, line) => {
    expect(await refusals(file, line)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .* Only src\/access\/ evaluates the policy/),
    ]);
  });

  it('is reached through a Person or the Viewer', async () => {
    const code = [
      "import { Person } from '../access/person.js';",
      "import type { Viewer } from '../access/viewer.js';",
    ].join('\n');
    expect(await refusals('src/events/case-events.ts', code)).toEqual([]);
    expect(await refusals('src/access/person.ts', "import { admitCase } from './policy.js';")).toEqual([]);
  });
});

describe('the domain and the access rules', () => {
  it.each([
    ['src/access/viewer.ts', "import type { Context } from '../context.js';"],
    ['src/access/person.ts', "import type { AccessRule } from '../generated/graphql.js';"],
    ['src/cases/get.ts', "import type { AuthenticatedContext } from '../context.js';"],
    ['src/cases/list.ts', "import type { ViewerRole } from '../generated/graphql.js';"],
    ['src/submissions/submit.ts', "import type { Services } from '../services.js';"],
    ['src/events/case-events.ts', "import { Case } from '../resolvers/Case.js';"],
    ['src/notifications/shown.ts', "import { startGraphServer } from '../graphql/apollo.js';"],
    ['src/files/uploads.ts', "import { uploadRoute } from '../routes/upload.js';"],
    ['src/consent/mutations.ts', "import type { RequestContext } from '../request-context.js';"],
  ])('do not depend on the GraphQL layer, the routes or the wiring: %s with %s', async (file, line) => {
    expect(await refusals(file, line)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .* The domain takes a Viewer or a Person/),
    ]);
  });

  it('take a Viewer, a Person and each other', async () => {
    const code = [
      "import type { ViewerRequest } from '../access/viewer.js';",
      "import { Person } from '../access/person.js';",
      "import type { UserError } from '../errors.js';",
      "import type { SubmissionRecords } from '../submissions/records.js';",
    ].join('\n');
    expect(await refusals('src/cases/get.ts', code)).toEqual([]);
  });
});
