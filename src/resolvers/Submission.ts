import type { SubmissionResolvers } from '../generated/graphql.js';

export const Submission: SubmissionResolvers = {
  attachmentCount: ({ attachmentIds }) => attachmentIds.length,
};
