import type { ConsentResolvers } from '../generated/graphql.js';
import { agencyOf } from './Agency.js';

export const Consent: ConsentResolvers = {
  agency: ({ agency }, _args, context) => agencyOf(agency, context),
};
