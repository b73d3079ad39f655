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
const ALLOWED_TO_AGENCIES = ['access/rules.js', 'errors.js', 'i18n.js'];

const AGENCY_RULE_MESSAGE =
  'An agency adapter depends only on the agency kit (src/agencies/kit/), errors, i18n and the policy’s rule builders: ' +
  'it is what a partner agency writes, and must not reach into the graph, the store or the request.';

const POLICY_RULE_MESSAGE =
  'Only src/access/ evaluates the policy: ask the Viewer (a request) or a Person (an event, a delivery), ' +
  'so that every path decides who may see what by one rule.';

const DOMAIN_RULE_MESSAGE =
  'The domain takes a Viewer or a Person and returns domain results; only the GraphQL layer (resolvers/, ' +
  'graphql/), the routes and the wiring know the request context and the generated types — so that the ' +
  'rules can be tested without a request or a schema.';

/** The GraphQL layer, the HTTP routes and the wiring, which the domain never imports. */
const GRAPH_LAYER = [
  '**/context.js',
  '**/request-context.js',
  '**/services.js',
  '**/server.js',
  '**/schema.js',
  '**/generated/*',
  '**/resolvers/*',
  '**/graphql/*',
  '**/routes/*',
];

/** The domain's folders under src/ (the access rules and the agencies have rules of their own below). */
const DOMAIN = [
  'audit',
  'cache',
  'cases',
  'consent',
  'events',
  'files',
  'forms',
  'lifecycle',
  'loaders',
  'notifications',
  'records',
  'store',
  'submissions',
];

const policyOnlyInAccess = { group: ['**/access/policy.js'], message: POLICY_RULE_MESSAGE };
const noGraphLayer = { group: GRAPH_LAYER, message: DOMAIN_RULE_MESSAGE };

/** @type {import('eslint').Linter.Config[]} */
export const layers = [
  {
    files: ['src/**/*.ts'],
    ignores: ['src/access/**', 'src/agencies/**', ...DOMAIN.map((folder) => `src/${folder}/**`)],
    rules: { 'no-restricted-imports': ['error', { patterns: [policyOnlyInAccess] }] },
  },
  {
    files: DOMAIN.map((folder) => `src/${folder}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { patterns: [policyOnlyInAccess, noGraphLayer] }] },
  },
  {
    files: ['src/access/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noGraphLayer] }] },
  },
  {
    // The registry lists the agencies and the links between their cases.
    files: ['src/agencies/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: onlyThese(1, ALLOWED_TO_AGENCIES), message: AGENCY_RULE_MESSAGE }] },
      ],
    },
  },
  {
    // The kit itself may also trace its calls, bound its waits, and name a login's assurance levels.
    files: ['src/agencies/kit/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: onlyThese(2, [
                ...ALLOWED_TO_AGENCIES,
                'observability/tracing.js',
                'time-limit.js',
                'auth/principal.js',
              ]),
              message: AGENCY_RULE_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/agencies/*/**/*.ts'],
    ignores: ['src/agencies/kit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: onlyThese(2, ALLOWED_TO_AGENCIES), message: AGENCY_RULE_MESSAGE }] },
      ],
    },
  },
];
