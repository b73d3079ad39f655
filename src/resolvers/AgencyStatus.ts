import type { AgencyStatusResolvers } from '../generated/graphql.js';
import { COMMON_LABELS } from '../i18n.js';
import { assuranceLevel } from './Viewer.js';

type Refusal = keyof typeof COMMON_LABELS.refusal;

export const AgencyStatus: AgencyStatusResolvers = {
  message: ({ reason }, _args, { lang }) =>
    reason && reason in COMMON_LABELS.refusal ? COMMON_LABELS.refusal[reason as Refusal][lang] : null,
  requiredAssurance: ({ requiredAssurance }) => requiredAssurance && assuranceLevel(requiredAssurance),
};
