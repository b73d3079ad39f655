import { requireViewer } from '../context.js';
import type { FormFieldResolvers, FormResolvers } from '../generated/graphql.js';

export const Form: FormResolvers = {
  id: ({ formId }) => formId,
  code: ({ definition }) => definition.code,
  title: ({ definition, labels }, _args, { lang }) => labels[definition.code]?.[lang] ?? definition.code,
  fields: ({ definition, labels }) =>
    definition.fields.map((field) => ({ field, formCode: definition.code, labels })),
  submission: async ({ formId, caseId }, _args, context) => {
    const sent = await context.submissions.records.forCase(requireViewer(context).viewer.principal, caseId);
    const latest = sent.filter((s) => s.kind === 'FORM' && s.formId === formId).at(-1);
    return latest && latest.state !== 'DELIVERED' ? latest : null;
  },
};

export const FormField: FormFieldResolvers = {
  key: ({ field }) => field.key,
  type: ({ field }) => field.type,
  required: ({ field }) => field.required,
  label: ({ field, formCode, labels }, _args, { lang }) =>
    labels[`${formCode}.${field.key}`]?.[lang] ?? field.key,
  maxLength: ({ field }) => field.maxLength,
  min: ({ field }) => field.min,
  options: ({ field, formCode, labels }, _args, { lang }) =>
    field.options?.map((value) => ({
      value,
      label: labels[`${formCode}.${field.key}.${value}`]?.[lang] ?? value,
    })) ?? null,
};
