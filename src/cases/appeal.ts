/**
 * What can follow a case's decision for the person: the route the agency's rules give, the last day, and
 * whether they can still take it — and that last day among the timeline's coming steps while they can.
 */
import type { AppealPeriod, AppealRoute, CaseRecord, StepRecord } from '../agencies/kit/port.js';
import type { Lang } from '../i18n.js';
import { say } from '../messages.js';
import type { CaseView } from './views.js';

export type AppealState = 'OPEN' | 'APPEALED' | 'DEADLINE_PASSED' | 'COURTS_ONLY' | 'FINAL';

export interface CaseAppeal {
  state: AppealState;
  route: AppealRoute;
  /** The day of the decision it concerns (YYYY-MM-DD). */
  decidedOn: string;
  /** The last day, where the route has a period (YYYY-MM-DD). */
  deadline: string | null;
}

/** The graph's own step code for the last day to appeal, among an agency's step codes. */
export const APPEAL_DEADLINE_STEP = 'APPEAL_DEADLINE';

/** The day a period counted from `day` ends; a month later than the month has days is its last day. */
export function endOfPeriod(day: string, period: AppealPeriod): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if ('weeks' in period)
    return new Date(Date.UTC(year, month - 1, date + 7 * period.weeks)).toISOString().slice(0, 10);
  const lastOfMonth = new Date(Date.UTC(year, month - 1 + period.months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + period.months, Math.min(date, lastOfMonth)))
    .toISOString()
    .slice(0, 10);
}

/** The latest decision in the case: the completion of its last completed decision step, else the outcome's date. */
function decidedAt(record: CaseRecord, decisionSteps: readonly string[]): string | null {
  const steps = record.timeline.filter(
    (s) => s.state === 'COMPLETED' && s.completedAt && decisionSteps.includes(s.code),
  );
  return steps.at(-1)?.completedAt ?? record.outcome?.decidedAt ?? null;
}

/** The case's appeal as of `today` (YYYY-MM-DD); null until a decision is made. */
export function caseAppeal(
  { record, definition }: Pick<CaseView, 'record' | 'definition'>,
  today: string,
): CaseAppeal | null {
  const rules = definition.appeals;
  const decision = decidedAt(record, rules.decisionSteps);
  if (!decision) return null;
  const decidedOn = decision.slice(0, 10);
  const route = rules.route(record);
  const period = route.kind === 'NONE' ? null : route.period;
  const deadline = period ? endOfPeriod(decidedOn, period) : null;
  const appealed =
    record.timeline.some((s) => s.state === 'COMPLETED' && rules.appealedSteps.includes(s.code)) ||
    record.related.some((link) => rules.appealBodies.includes(link.body));
  const state: AppealState =
    route.kind === 'NONE'
      ? 'FINAL'
      : route.kind === 'COURTS'
        ? 'COURTS_ONLY'
        : appealed
          ? 'APPEALED'
          : deadline !== null && deadline < today
            ? 'DEADLINE_PASSED'
            : 'OPEN';
  return { state, route, decidedOn, deadline };
}

/** Who hears an appeal: the body, or the courts; null when nothing follows. */
export function appealBody(appeal: CaseAppeal, lang: Lang): string | null {
  switch (appeal.route.kind) {
    case 'APPEAL_BODY':
      return appeal.route.body[lang];
    case 'COURTS':
      return say(lang, 'THE_COURTS');
    case 'NONE':
      return null;
  }
}

/** "Last day to appeal to Pasientskadenemnda", in the language. */
export function appealDeadlineLabel(appeal: CaseAppeal, lang: Lang): string {
  return say(lang, 'APPEAL_DEADLINE', { body: appealBody(appeal, lang) ?? '' });
}

export interface LabelledStep extends StepRecord {
  label: string;
}

/**
 * The case's steps in words, with the last day to appeal among the coming steps while an appeal is open:
 * after every step done or under way, before the first coming step expected later.
 */
export function caseTimeline(view: CaseView, today: string, lang: Lang): LabelledStep[] {
  const steps: LabelledStep[] = view.record.timeline.map((step) => ({
    ...step,
    label: view.definition.labels.steps[step.code]?.[lang] ?? step.code,
  }));
  const appeal = caseAppeal(view, today);
  if (appeal?.state !== 'OPEN' || !appeal.deadline) return steps;
  const deadline = appeal.deadline;
  const lastUnderWay = steps.findLastIndex((s) => s.state !== 'UPCOMING');
  const later = steps.findIndex((s, i) => i > lastUnderWay && (s.expectedAt ?? '9999') > deadline);
  const at = later === -1 ? steps.length : later;
  steps.splice(at, 0, {
    code: APPEAL_DEADLINE_STEP,
    state: 'UPCOMING',
    completedAt: null,
    expectedAt: deadline,
    label: appealDeadlineLabel(appeal, lang),
  });
  return steps;
}
