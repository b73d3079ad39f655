import type { AgencyStatusResolvers } from '../generated/graphql.js';
import { say, sayMoment, sayRefusal } from '../messages.js';
import { assuranceLevel } from './Viewer.js';

export const AgencyStatus: AgencyStatusResolvers = {
  message: ({ agency, status, reason, asOf }, _args, { lang }) => {
    const name = agency.name[lang];
    switch (status) {
      case 'OK':
        return say(lang, 'STATUS_OK', { agency: name });
      case 'CONSENT_REQUIRED':
        return say(lang, 'STATUS_CONSENT_REQUIRED', { agency: name });
      case 'NOT_ELIGIBLE':
        return sayRefusal(lang, reason ?? '', name);
      case 'STALE':
        return say(lang, 'STATUS_STALE', { agency: name, asOf: sayMoment(lang, asOf, agency.country) });
      case 'UNAVAILABLE':
        return say(lang, 'STATUS_UNAVAILABLE', { agency: name });
    }
  },
  requiredAssurance: ({ requiredAssurance }) => requiredAssurance && assuranceLevel(requiredAssurance),
};
