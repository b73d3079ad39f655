import type { ParticipantResolvers } from '../generated/graphql.js';
import { COMMON_LABELS } from '../i18n.js';

export const Participant: ParticipantResolvers = {
  role: ({ record }) => record.role,
  roleLabel: ({ record }, _args, { lang }) => COMMON_LABELS.role[record.role][lang],
  name: ({ record }) => record.name,
  organisation: ({ record }) => record.organisation,
  isViewer: ({ isViewer }) => isViewer,
  contact: ({ record }) => ({ mobile: record.mobile, email: record.email }),
};
