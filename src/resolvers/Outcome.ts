import type { OutcomeResolvers } from '../generated/graphql.js';

export const Outcome: OutcomeResolvers = {
  code: ({ record }) => record.code,
  label: ({ record, labels }, _args, { lang }) => labels[record.code]?.[lang] ?? record.code,
  decidedAt: ({ record }) => record.decidedAt,
  compensation: ({ record }) => record.compensation ?? null,
};
