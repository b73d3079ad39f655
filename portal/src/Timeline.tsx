/**
 * The case's way from start to decision, as STPK's and NPE's portals draw it: one line of steps, those
 * done with their date, the current one marked, those to come with the date they are expected.
 */
import type { TimelineStepFieldsFragment } from '../../operations/generated/graphql.js';
import { useLanguage } from './language.js';
import { formatDate, text } from './texts.js';

/** The graph's own step: the last day to appeal the decision, a deadline rather than an expectation. */
const APPEAL_DEADLINE = 'APPEAL_DEADLINE';

export function Timeline({ steps, label }: { steps: readonly TimelineStepFieldsFragment[]; label: string }) {
  const { lang } = useLanguage();
  return (
    <ol className="timeline" aria-label={label}>
      {steps.map((step) => {
        const when =
          step.state === 'COMPLETED'
            ? `${text(lang, 'completed')}${step.completedAt ? ` ${formatDate(lang, step.completedAt)}` : ''}`
            : step.state === 'CURRENT'
              ? text(lang, 'currentStep')
              : step.code === APPEAL_DEADLINE && step.expectedAt
                ? `${text(lang, 'lastDay')} ${formatDate(lang, step.expectedAt)}`
                : `${text(lang, 'upcoming')}${step.expectedAt ? `, ${text(lang, 'expected')} ${formatDate(lang, step.expectedAt)}` : ''}`;
        return (
          <li
            key={step.code}
            className={`timeline-step timeline-${step.state.toLowerCase()}`}
            aria-current={step.state === 'CURRENT' ? 'step' : undefined}
            data-state={step.state}
          >
            <span className="timeline-label">{step.label}</span>
            <span className="timeline-when">{when}</span>
          </li>
        );
      })}
    </ol>
  );
}
