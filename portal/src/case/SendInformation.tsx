/**
 * Send new information in a case: a message and files. Each file is prepared (createUpload), sent with its
 * progress shown, then the message goes with the uploads (submitInformation). The idempotency key is chosen
 * once per sending and kept until the graph has answered: when the connection breaks after the graph got
 * it, "try again" repeats the same sending, and the graph answers with the first result — never twice.
 */
import { useApolloClient } from '@apollo/client/react';
import {
  Alert,
  Button,
  Field,
  Label,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import {
  CasePageDocument,
  CreateUploadDocument,
  SubmitInformationDocument,
} from '../../../operations/generated/graphql.js';
import { useLanguage } from '../language.js';
import { text } from '../texts.js';
import { putFile, UploadFailed } from '../uploads.js';

/** The types the graph accepts, by file name where the browser names none (HEIC, often). */
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const ACCEPT = Object.keys(TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

interface Attachment {
  key: string;
  file: File;
  /** Once prepared: the upload and where its bytes go (kept, so a retry sends to the same place). */
  upload?: { id: string; url: string };
  progress: number;
  done: boolean;
  error?: string;
}

type Phase = 'editing' | 'uploading' | 'sending' | 'unknown' | 'sent';

/** A message the graph gave for an input field (`['input', 'message']`), or for the whole sending. */
interface Refusal {
  field: string | null;
  message: string;
}

export function SendInformation({ caseId }: { caseId: string }) {
  const { lang } = useLanguage();
  const client = useApolloClient();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [phase, setPhase] = useState<Phase>('editing');
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const attemptKey = useRef<string | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const busy = phase === 'uploading' || phase === 'sending';
  // While the graph may have the sending, the draft cannot change: a retry must repeat exactly it.
  const locked = busy || phase === 'unknown';

  const update = (key: string, change: Partial<Attachment>) =>
    setFiles((all) => all.map((a) => (a.key === key ? { ...a, ...change } : a)));
  const focusOutcome = () => requestAnimationFrame(() => outcome.current?.focus());

  /** Prepares and sends one file's bytes; its id, or null when refused (the reason is shown beside it). */
  async function upload(attachment: Attachment): Promise<string | null> {
    let prepared = attachment.upload;
    if (!prepared) {
      const extension = attachment.file.name.split('.').pop()?.toLowerCase() ?? '';
      const { data } = await client.mutate({
        mutation: CreateUploadDocument,
        variables: {
          input: {
            caseId,
            filename: attachment.file.name,
            contentType: attachment.file.type || TYPES[extension] || 'application/octet-stream',
            sizeBytes: attachment.file.size,
          },
        },
      });
      const refused = data?.createUpload.errors[0];
      const created = data?.createUpload.upload;
      if (refused || !created) {
        update(attachment.key, { error: refused?.message ?? text(lang, 'somethingWrong') });
        return null;
      }
      prepared = { id: created.id, url: created.url };
      update(attachment.key, { upload: prepared });
    }
    try {
      await putFile(prepared.url, attachment.file, lang, (progress) => update(attachment.key, { progress }));
    } catch (error) {
      if (error instanceof UploadFailed && error.status === 0) throw error; // the connection: try again
      update(attachment.key, {
        error: error instanceof UploadFailed ? error.message : text(lang, 'somethingWrong'),
      });
      return null;
    }
    update(attachment.key, { done: true, error: undefined });
    return prepared.id;
  }

  async function send() {
    attemptKey.current ??= crypto.randomUUID();
    setRefusals([]);
    try {
      setPhase('uploading');
      const uploadIds: string[] = [];
      for (const attachment of files) {
        const id = attachment.done && attachment.upload ? attachment.upload.id : await upload(attachment);
        if (!id) {
          setPhase('editing');
          attemptKey.current = null;
          return;
        }
        uploadIds.push(id);
      }
      setPhase('sending');
      const { data } = await client.mutate({
        mutation: SubmitInformationDocument,
        variables: { input: { caseId, message, uploadIds, idempotencyKey: attemptKey.current } },
        refetchQueries: [{ query: CasePageDocument, variables: { id: caseId } }],
      });
      const result = data?.submitInformation;
      if (result?.submission) {
        attemptKey.current = null;
        setMessage('');
        setFiles([]);
        setPhase('sent');
      } else {
        // Refused: nothing was recorded, so the person may change the draft and send anew.
        attemptKey.current = null;
        setRefusals(
          (result?.errors ?? []).map((e) => ({ field: e.field?.at(-1) ?? null, message: e.message })),
        );
        setPhase('editing');
      }
    } catch {
      // No answer (the connection broke): the graph may or may not have it. Same key on the retry.
      setPhase('unknown');
    }
    focusOutcome();
  }

  const messageRefusal = refusals.find((r) => r.field === 'message');
  const otherRefusals = refusals.filter((r) => r.field !== 'message');
  return (
    <form
      className="send-information"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Textfield
        multiline
        rows={5}
        label={text(lang, 'message')}
        description={text(lang, 'messageHint')}
        value={message}
        readOnly={locked}
        error={messageRefusal?.message}
        onChange={(event) => {
          setMessage(event.target.value);
          if (phase === 'sent') setPhase('editing');
        }}
      />
      <Field>
        <Label htmlFor={`files-${caseId}`}>{text(lang, 'chooseFiles')}</Label>
        <Paragraph data-size="sm">{text(lang, 'filesHint')}</Paragraph>
        <input
          id={`files-${caseId}`}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={locked}
          onChange={(event) => {
            const chosen = [...(event.target.files ?? [])].map((file) => ({
              key: crypto.randomUUID(),
              file,
              progress: 0,
              done: false,
            }));
            setFiles((all) => [...all, ...chosen].slice(0, 10));
            event.target.value = '';
          }}
        />
      </Field>
      {files.length > 0 && (
        <ul className="attachments">
          {files.map((a) => (
            <li key={a.key} data-file={a.file.name}>
              <span>{a.file.name}</span>
              <progress
                max={1}
                value={a.progress}
                aria-label={text(lang, 'uploading', { name: a.file.name })}
              />
              {a.done && <span>{text(lang, 'uploaded')}</span>}
              {!locked && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setFiles((all) => all.filter((other) => other.key !== a.key))}
                >
                  {text(lang, 'removeFile', { name: a.file.name })}
                </Button>
              )}
              {a.error && <ValidationMessage>{a.error}</ValidationMessage>}
            </li>
          ))}
        </ul>
      )}
      <div ref={outcome} tabIndex={-1} className="send-outcome">
        {phase === 'sent' && (
          <Alert data-color="success" role="status">
            {text(lang, 'sentOk')}
          </Alert>
        )}
        {phase === 'unknown' && <Alert data-color="warning">{text(lang, 'sendUnknown')}</Alert>}
        {otherRefusals.map((r) => (
          <Alert key={`${r.field}-${r.message}`} data-color="danger">
            {r.message}
          </Alert>
        ))}
      </div>
      <div>
        <Button
          type="submit"
          loading={busy}
          disabled={busy || (phase !== 'unknown' && message.trim() === '')}
        >
          {busy ? text(lang, 'sending') : phase === 'unknown' ? text(lang, 'tryAgain') : text(lang, 'send')}
        </Button>
      </div>
    </form>
  );
}
