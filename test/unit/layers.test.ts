/**
 * The house's layers bite: ESLint, with the same rules as `npm run lint` (eslint.layers.js), refuses an
 * agency adapter that reaches into the graph, the request context or the store, and lets through what an
 * adapter may use.
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
    ["import { decideCaseAccess } from '../../access/cases.js';"],
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
      "import type { AgencyPolicy } from '../../access/policy.js';",
      "import { FULL } from '../../access/rules.js';",
      "import { createAgencyHttp } from '../http.js';",
    ].join('\n');
    expect(await refusals('src/agencies/npe/right.ts', code)).toEqual([]);
  });

  it('the kit may trace its calls, and no more', async () => {
    expect(
      await refusals(
        'src/agencies/http.ts',
        "import { traceAgencyCall } from '../observability/tracing.js';",
      ),
    ).toEqual([]);
    expect(
      await refusals('src/agencies/http.ts', "import type { Context } from '../context.js';"),
    ).toHaveLength(1);
  });
});
