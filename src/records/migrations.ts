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
];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
