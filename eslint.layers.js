// @ts-check
/**
 * The house's layers, as ESLint rules (used by eslint.config.js; test/unit/layers.test.ts shows each bites).
 * Each rule says why in its message. Type imports count too: a circle of types is still a circle.
 */

/**
 * Import patterns (gitignore-style, relative to a file `up` levels below src/) that refuse everything but
 * `allowed`: a folder is refused, re-opened, its contents refused, then the allowed files re-opened.
 */
function onlyThese(up, allowed) {
  const parent = '../'.repeat(up);
  const folders = [...new Set(allowed.filter((p) => p.includes('/')).map((p) => p.split('/')[0]))];
  return [
    `${parent}*`,
    ...folders.flatMap((folder) => [`!${parent}${folder}`, `${parent}${folder}/*`]),
    ...allowed.map((p) => `!${parent}${p}`),
  ];
}

/** What an agency's adapter may use from the rest of the gateway. */
const ALLOWED_TO_AGENCIES = ['access/policy.js', 'access/rules.js', 'errors.js', 'i18n.js'];

const AGENCY_RULE_MESSAGE =
  'An agency adapter depends only on the agency kit (src/agencies/), errors, i18n and the policy’s rule builders: ' +
  'it is what a partner agency writes, and must not reach into the graph, the store or the request.';

/** @type {import('eslint').Linter.Config[]} */
export const layers = [
  {
    // The kit itself (src/agencies/*.ts) may also trace its calls.
    files: ['src/agencies/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: onlyThese(1, [...ALLOWED_TO_AGENCIES, 'observability/tracing.js']),
              message: AGENCY_RULE_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/agencies/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: onlyThese(2, ALLOWED_TO_AGENCIES),
              message: AGENCY_RULE_MESSAGE,
            },
          ],
        },
      ],
    },
  },
];
