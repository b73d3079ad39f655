/**
 * The records' schema, in versions. A release only ever appends a migration; one that has been applied
 * somewhere is never edited. Each runs in the same transaction as its entry in schema_migrations, so a
 * start-up that dies half-way leaves the schema as it was. Statements are separate strings because
 * PGlite's prepared queries take one statement at a time.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** Refuses to change a row of an append-only history. */
const appendOnly = (table: string) => [
  `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
  `CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
   FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'consents with their history',
    statements: [
      // The consent as it is now, one row per person and agency; `person` is the pseudonym (an HMAC of
      // the national id under STORE_SECRET), never the id itself.
      `CREATE TABLE consents (
         person text NOT NULL,
         agency text NOT NULL,
         portal boolean NOT NULL,
         notifications boolean NOT NULL,
         given_at timestamptz,
         withdrawn_at timestamptz,
         changed_at timestamptz NOT NULL,
         PRIMARY KEY (person, agency)
       )`,
      // Every change, kept: what was given or withdrawn, when, by whom and how they had logged in.
      `CREATE TABLE consent_changes (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         person text NOT NULL,
         agency text NOT NULL,
         change text NOT NULL CHECK (change IN ('GIVEN', 'WITHDRAWN')),
         notifications boolean NOT NULL,
         at timestamptz NOT NULL,
         by_person text NOT NULL,
         login text NOT NULL
       )`,
      `CREATE INDEX consent_changes_by_person ON consent_changes (person, agency, at)`,
      ...appendOnly('consent_changes'),
    ],
  },
  {
    version: 2,
    name: 'submissions and their delivery',
    statements: [
      // A submission is its own outbox entry: the record, its idempotency key and its place in the delivery
      // queue are one row, written by one INSERT before any attempt. Workers claim due rows per agency with
      // FOR UPDATE SKIP LOCKED and move `due_at` on as a lease, so a worker that dies lets it come due again.
      `CREATE TABLE submissions (
         id text PRIMARY KEY,
         owner text NOT NULL,
         idempotency_key text NOT NULL,
         -- A keyed hash of the request as sent: a repeat with the same key must be the same request.
         fingerprint text NOT NULL,
         agency text NOT NULL,
         case_id text NOT NULL,
         kind text NOT NULL CHECK (kind IN ('INFORMATION', 'FORM')),
         sealed text NOT NULL,
         state text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
         attempts int NOT NULL DEFAULT 0,
         created_at timestamptz NOT NULL,
         due_at timestamptz NOT NULL,
         give_up_at timestamptz NOT NULL,
         delivered_at timestamptz,
         failure_reason text,
         receipt text,
         UNIQUE (owner, idempotency_key)
       )`,
      `CREATE INDEX submissions_due ON submissions (agency, due_at) WHERE state = 'PENDING'`,
      `CREATE INDEX submissions_by_case ON submissions (owner, case_id, created_at)`,
      // Every attempt and how it ended, for the operator and for the person's "where is it".
      `CREATE TABLE submission_attempts (
         submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
         attempt int NOT NULL,
         at timestamptz NOT NULL,
         outcome text NOT NULL,
         failure text,
         PRIMARY KEY (submission_id, attempt)
       )`,
    ],
  },
  {
    version: 3,
    name: 'the notification inbox',
    statements: [
      // Each person's notifications in the portal, with when they were read. What identifies the case (its
      // number, the step, the document, the submission) is sealed; `person` is the pseudonym. Kept 90 days,
      // the newest 200 per person (pruned as new ones arrive).
      `CREATE TABLE notifications (
         seq bigint GENERATED ALWAYS AS IDENTITY,
         id text PRIMARY KEY,
         person text NOT NULL,
         agency text NOT NULL,
         kind text NOT NULL,
         sealed text NOT NULL,
         occurred_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL,
         read_at timestamptz
       )`,
      `CREATE INDEX notifications_by_person ON notifications (person, seq DESC)`,
    ],
  },
  {
    version: 4,
    name: 'the audit trail',
    statements: [
      // Every read, refusal and write: who (the actor's pseudonym), about whom (the subjects' pseudonyms),
      // what, when, in which role and why. Append-only: the database refuses an UPDATE; only retention
      // deletes (AUDIT_RETENTION_DAYS). Indexed by time (retention, ranges), by actor and by subject, so
      // "who saw my data" is one indexed query.
      `CREATE TABLE audit_events (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         at timestamptz NOT NULL,
         correlation_id text NOT NULL,
         actor text NOT NULL,
         provider text NOT NULL,
         role text,
         basis text,
         subjects text[] NOT NULL,
         object text NOT NULL,
         case_id text,
         action text NOT NULL,
         outcome text NOT NULL,
         reason text
       )`,
      `CREATE INDEX audit_events_at ON audit_events (at)`,
      `CREATE INDEX audit_events_actor ON audit_events (actor, at)`,
      `CREATE INDEX audit_events_subjects ON audit_events USING gin (subjects)`,
      `CREATE INDEX audit_events_correlation ON audit_events (correlation_id)`,
      ...appendOnly('audit_events'),
    ],
  },
  {
    version: 5,
    name: 'document read-markers',
    statements: [
      // Which documents a person has opened through the portal (what is new to them). The document is a
      // keyed hash of its id, the person a pseudonym: nothing here names a case or a document. Kept a year.
      `CREATE TABLE document_reads (
         person text NOT NULL,
         document text NOT NULL,
         read_at timestamptz NOT NULL,
         PRIMARY KEY (person, document)
       )`,
    ],
  },
  {
    version: 6,
    name: 'messages held for the morning',
    statements: [
      // An SMS that may not go now (outside 09:00–17:00 where the person lives) waits here until it may:
      // one per person and case (`member`, a pseudonym of both), the message sealed.
      `CREATE TABLE held_messages (
         member text PRIMARY KEY,
         sealed text NOT NULL,
         due_at timestamptz NOT NULL
       )`,
      `CREATE INDEX held_messages_due ON held_messages (due_at)`,
    ],
  },
  {
    version: 7,
    name: 'the name the case gives whoever acted, for "who has seen my data"',
    statements: [
      // Sealed under the store secret (a name is personal data; the rest of the row names people only by
      // pseudonym). Null for events recorded before, and where no case names the actor.
      `ALTER TABLE audit_events ADD COLUMN actor_name text`,
    ],
  },
  {
    version: 8,
    name: 'the language a person consented in, for their messages',
    statements: [`ALTER TABLE consents ADD COLUMN language text`],
  },
];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
