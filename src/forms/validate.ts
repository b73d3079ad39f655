/** Server-side validation of form answers against the agency's definition, with one reason per field. */
import type { FieldDefinition, FormAnswers, FormDefinition } from '../agencies/kit/port.js';

export type FieldProblem =
  | 'REQUIRED'
  | 'UNKNOWN_FIELD'
  | 'DUPLICATE_FIELD'
  | 'TOO_LONG'
  | 'NOT_A_NUMBER'
  | 'TOO_SMALL'
  | 'NOT_A_DATE'
  | 'NOT_A_BOOLEAN'
  | 'NOT_AN_OPTION'
  | 'INVALID_ACCOUNT_NUMBER';

/** A Norwegian account number: 11 digits, the last a MOD11 check digit over the first ten. */
export function validAccountNumber(value: string): boolean {
  const digits = value.replace(/[\s.]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[10]);
}

function parse(
  field: FieldDefinition,
  raw: string,
): { value: string | number | boolean } | { problem: FieldProblem } {
  const value = raw.trim();
  switch (field.type) {
    case 'TEXT':
    case 'TEXTAREA':
      return field.maxLength !== null && value.length > field.maxLength ? { problem: 'TOO_LONG' } : { value };
    case 'NUMBER': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return { problem: 'NOT_A_NUMBER' };
      const number = Number(value);
      return field.min !== null && number < field.min ? { problem: 'TOO_SMALL' } : { value: number };
    }
    case 'DATE': {
      // 2026-13-45 is an invalid Date, whose toISOString would throw: check it is a date at all first.
      const date = new Date(`${value}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(date.getTime()) &&
        date.toISOString().startsWith(value)
        ? { value }
        : { problem: 'NOT_A_DATE' };
    }
    case 'BOOLEAN':
      return value === 'true' || value === 'false'
        ? { value: value === 'true' }
        : { problem: 'NOT_A_BOOLEAN' };
    case 'CHOICE':
      return field.options?.includes(value) ? { value } : { problem: 'NOT_AN_OPTION' };
    case 'ACCOUNT_NUMBER':
      return validAccountNumber(value)
        ? { value: value.replace(/[\s.]/g, '') }
        : { problem: 'INVALID_ACCOUNT_NUMBER' };
  }
}

export function validateAnswers(
  definition: FormDefinition,
  given: readonly { key: string; value: string }[],
): { answers: FormAnswers; problems: [] } | { problems: { key: string; problem: FieldProblem }[] } {
  const problems: { key: string; problem: FieldProblem }[] = [];
  const fields = new Map(definition.fields.map((f) => [f.key, f]));
  const seen = new Set<string>();
  const answers: FormAnswers = {};
  for (const { key, value } of given) {
    const field = fields.get(key);
    if (!field) problems.push({ key, problem: 'UNKNOWN_FIELD' });
    else if (seen.has(key)) problems.push({ key, problem: 'DUPLICATE_FIELD' });
    else if (value.trim() !== '') {
      const parsed = parse(field, value);
      if ('problem' in parsed) problems.push({ key, problem: parsed.problem });
      else answers[key] = parsed.value;
    }
    seen.add(key);
  }
  for (const field of definition.fields) {
    if (field.required && answers[field.key] === undefined && !problems.some((p) => p.key === field.key)) {
      problems.push({ key: field.key, problem: 'REQUIRED' });
    }
  }
  return problems.length ? { problems } : { answers, problems: [] };
}
