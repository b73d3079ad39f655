/**
 * A form the agency awaits in the case, drawn from its fields as the graph describes them. The graph checks
 * the answers: its field errors (in the person's language, naming the field) are shown beside their fields
 * and listed in a summary that takes the focus, as Designsystemet's error summary does. The
 * browser's own validation is off, so that there is one set of rules and one language for them.
 */
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Fieldset,
  Heading,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import {
  CasePageDocument,
  SubmitFormDocument,
  type CasePageQuery,
} from '../../../operations/generated/graphql.js';
import { useLanguage } from '../language.js';
import { text } from '../texts.js';

type Form = NonNullable<NonNullable<CasePageQuery['case']>['forms']>[number];
type FormField = Form['fields'][number];

/** `onSent`: the answers were taken; the case page confirms it (the agency may stop asking at once). */
export function CaseForm({ caseId, form, onSent }: { caseId: string; form: Form; onSent: () => void }) {
  const { lang } = useLanguage();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const attemptKey = useRef<string | null>(null);
  const [tries, setTries] = useState(0);
  const [submit, { loading }] = useMutation(SubmitFormDocument, {
    refetchQueries: [{ query: CasePageDocument, variables: { id: caseId } }],
  });
  const inputId = (key: string) => `${form.id}-${key}`;

  async function send() {
    attemptKey.current ??= crypto.randomUUID();
    setFormError(null);
    try {
      const { data } = await submit({
        variables: {
          input: {
            caseId,
            formId: form.id,
            answers: Object.entries(answers)
              .filter(([, value]) => value !== '')
              .map(([key, value]) => ({ key, value })),
            idempotencyKey: attemptKey.current,
          },
        },
      });
      const result = data?.submitForm;
      if (result?.submission) {
        setSent(true);
        onSent();
        return;
      }
      attemptKey.current = null; // refused: nothing recorded, the next try is a new sending
      const byField: Record<string, string> = {};
      for (const error of result?.errors ?? []) {
        const key = error.field?.[1] === 'answers' ? error.field[2] : undefined;
        if (key) byField[key] ??= error.message;
        else setFormError(error.message);
      }
      setFieldErrors(byField);
    } catch {
      setFormError(text(lang, 'sendUnknown'));
    }
    setTries((n) => n + 1);
  }

  if (sent) return null;
  // Sent earlier and still on its way to the agency: nothing to fill in again.
  if (form.submission?.state === 'PENDING')
    return (
      <Alert data-color="info" role="status" data-form-pending={form.code}>
        {form.title}: {text(lang, 'formOnItsWay')}
      </Alert>
    );

  const set = (key: string) => (value: string) => setAnswers((all) => ({ ...all, [key]: value }));
  const errors = Object.entries(fieldErrors);
  return (
    <form
      noValidate
      className="case-form"
      data-form={form.code}
      aria-labelledby={`${form.id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Heading level={3} data-size="xs" id={`${form.id}-title`}>
        {form.title}
      </Heading>
      {(errors.length > 0 || formError) && (
        // Designsystemet's summary takes the focus when it appears: a new one for every refused try.
        <ErrorSummary key={tries}>
          <ErrorSummary.Heading>{formError ?? text(lang, 'fixErrors')}</ErrorSummary.Heading>
          {errors.length > 0 && (
            <ErrorSummary.List>
              {errors.map(([key, message]) => (
                <ErrorSummary.Item key={key}>
                  <ErrorSummary.Link href={`#${inputId(key)}`}>{message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          )}
        </ErrorSummary>
      )}
      {form.fields.map((field) => (
        <FormInput
          key={field.key}
          id={inputId(field.key)}
          field={field}
          value={answers[field.key] ?? ''}
          error={fieldErrors[field.key]}
          onChange={set(field.key)}
        />
      ))}
      <div>
        <Button type="submit" loading={loading}>
          {text(lang, 'send')}
        </Button>
      </div>
    </form>
  );
}

function FormInput({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: FormField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { lang } = useLanguage();
  const label = field.required ? field.label : `${field.label} (${text(lang, 'optional')})`;
  switch (field.type) {
    case 'BOOLEAN':
      return (
        <Fieldset data-field={field.key}>
          <Fieldset.Legend>{label}</Fieldset.Legend>
          {(['true', 'false'] as const).map((answer) => (
            <Radio
              key={answer}
              id={answer === 'true' ? id : `${id}-no`}
              name={id}
              value={answer}
              label={text(lang, answer === 'true' ? 'yes' : 'no')}
              checked={value === answer}
              onChange={() => onChange(answer)}
              aria-invalid={error ? true : undefined}
            />
          ))}
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Fieldset>
      );
    case 'CHOICE':
      return (
        <Field data-field={field.key}>
          <Label htmlFor={id}>{label}</Label>
          <Select
            id={id}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={!!error}
          >
            <Select.Option value="">{text(lang, 'chooseOne')}</Select.Option>
            {field.options?.map((option) => (
              <Select.Option key={option.value} value={option.value}>
                {option.label}
              </Select.Option>
            ))}
          </Select>
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
      );
    default: {
      // What every text field has; a textarea and an input differ only in how the answer is typed.
      const shared = { 'data-field': field.key, id, label, value, error };
      const change = (event: { target: { value: string } }) => onChange(event.target.value);
      return field.type === 'TEXTAREA' ? (
        <Textfield {...shared} multiline rows={4} onChange={change} />
      ) : (
        <Textfield
          {...shared}
          type={field.type === 'DATE' ? 'date' : 'text'}
          inputMode={
            field.type === 'NUMBER' ? 'decimal' : field.type === 'ACCOUNT_NUMBER' ? 'numeric' : undefined
          }
          onChange={change}
        />
      );
    }
  }
}
