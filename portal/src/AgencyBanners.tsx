/**
 * One banner per agency whose cases are not all in the answer, in the words the graph sends: consent
 * needed (with the consent itself), not eligible and why, a stale copy and its age, unavailable.
 */
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { DashboardQuery } from '../../operations/generated/graphql.js';
import { ConsentForm } from './ConsentForm.js';

type Status = DashboardQuery['cases']['agencyStatuses'][number];

const COLOR: Record<Status['status'], 'info' | 'warning' | 'danger' | 'success'> = {
  OK: 'success',
  CONSENT_REQUIRED: 'info',
  NOT_ELIGIBLE: 'info',
  STALE: 'warning',
  UNAVAILABLE: 'danger',
};

export function AgencyBanners({ statuses, onChange }: { statuses: readonly Status[]; onChange: () => void }) {
  return (
    <div className="agency-banners">
      {statuses
        .filter((s) => s.status !== 'OK')
        .map((s) => (
          <Alert
            key={s.agency.code}
            data-color={COLOR[s.status]}
            data-agency={s.agency.code}
            data-status={s.status}
          >
            <Heading level={2} data-size="xs">
              {s.agency.name}
            </Heading>
            <Paragraph>{s.message}</Paragraph>
            {s.status === 'CONSENT_REQUIRED' && <ConsentForm agency={s.agency.code} onGiven={onChange} />}
          </Alert>
        ))}
    </div>
  );
}
