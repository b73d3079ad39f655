/**
 * The floor: the least a server can do for the benchmark's three workloads — the same agency calls as the
 * gateway, through the same adapters (HTTP, connection cap, answer parsing), with the best possible
 * parallelism, returning the same JSON; no GraphQL, no tokens, no access policy, no store, no audit.
 * Whatever the gateway takes beyond this is its own cost.
 *
 *   node --import tsx bench/floor.ts   (PORT and the agencies' *_BASE_URL from the environment)
 */
import { createServer } from 'node:http';
import { AGENCY_MODULES } from '../src/agencies/registry.js';
import { loadConfig } from '../src/config.js';
import type {
  AgencyAdapter,
  CallOptions,
  CaseRecord,
  CaseRef,
  DocumentRecord,
} from '../src/agencies/kit/port.js';
import { AgencyRegistry } from '../src/agencies/registry.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }, AGENCY_MODULES);
const registry = new AgencyRegistry(config.agencies.map((a) => a.create(config.upstream)));
const norwegian = registry.adapters.filter((a) => a.definition.country === 'NO');

interface Listed {
  adapter: AgencyAdapter;
  ref: CaseRef;
}

/** The newest `first` of a person's cases across the Norwegian agencies, with their records and documents. */
async function page(person: string, first: number, call: CallOptions) {
  const lists = await Promise.all(
    norwegian.map(async (adapter) =>
      (await adapter.casesForPerson(person, call)).cases.map((ref): Listed => ({ adapter, ref })),
    ),
  );
  const all = lists.flat().sort((a, b) => b.ref.updatedAt.localeCompare(a.ref.updatedAt));
  const chosen = all.slice(0, first);
  const byAgency = new Map<AgencyAdapter, string[]>();
  for (const { adapter, ref } of chosen)
    byAgency.set(adapter, [...(byAgency.get(adapter) ?? []), ref.caseNumber]);
  const fetched = new Map<string, { record: CaseRecord | null; documents: DocumentRecord[] }>();
  await Promise.all(
    [...byAgency].map(async ([adapter, numbers]) => {
      const [records, documents] = await Promise.all([
        adapter.getCases(numbers, call),
        adapter.getDocuments(numbers, call),
      ]);
      numbers.forEach((n, i) =>
        fetched.set(`${adapter.definition.code}:${n}`, {
          record: records[i] ?? null,
          documents: documents[i] ?? [],
        }),
      );
    }),
  );
  return {
    total: all.length,
    chosen: chosen.map((l) => ({
      id: `${l.adapter.definition.code}:${l.ref.caseNumber}`,
      ...fetched.get(`${l.adapter.definition.code}:${l.ref.caseNumber}`),
    })),
  };
}

const newest = (documents: DocumentRecord[]) =>
  documents.filter((d) => d.direction !== 'INTERNAL').sort((a, b) => b.date.localeCompare(a.date));

async function w1(url: URL, call: CallOptions) {
  const { total, chosen } = await page(url.searchParams.get('person') ?? '', 20, call);
  return {
    data: {
      cases: {
        totalCount: total,
        nodes: chosen.map(({ id, record, documents }) => ({
          id,
          title: record?.title,
          status: record?.status,
          timeline: record?.timeline.map((s) => ({ code: s.code, state: s.state })),
          documents: newest(documents ?? [])
            .slice(0, 3)
            .map((d) => ({ id: d.id, title: d.title, date: d.date, direction: d.direction })),
        })),
      },
    },
  };
}

async function w2(url: URL, call: CallOptions) {
  const { total, chosen } = await page(
    url.searchParams.get('person') ?? '',
    Number(url.searchParams.get('first') ?? 100),
    call,
  );
  return {
    data: {
      cases: {
        totalCount: total,
        nodes: chosen.map(({ id, record, documents }) => ({
          id,
          caseNumber: record?.caseNumber,
          status: record?.status,
          expectedDecisionAt: record?.expectedDecisionAt,
          unreadDocumentCount: (documents ?? []).filter((d) => d.direction === 'OUTGOING').length,
        })),
      },
    },
  };
}

async function w3(url: URL, call: CallOptions) {
  const [agency, caseNumber] = (url.searchParams.get('case') ?? '').split(':');
  const adapter = registry.get(agency ?? '');
  if (!adapter || !caseNumber) return { data: { case: null } };
  const [[record], [documents], forms] = await Promise.all([
    adapter.getCases([caseNumber], call),
    adapter.getDocuments([caseNumber], call),
    adapter.formDefinitions(call),
  ]);
  const related = await Promise.all(
    (record?.related ?? []).map(async (link) => {
      const linked = registry.linkedCase(adapter.definition.code, link);
      if (!linked) return null;
      const [other] = (await registry.get(linked.agency)?.getCases([linked.caseNumber], call)) ?? [null];
      return (
        other && { id: `${linked.agency}:${linked.caseNumber}`, title: other.title, status: other.status }
      );
    }),
  );
  return {
    data: {
      case: record && {
        id: `${agency}:${caseNumber}`,
        title: record.title,
        status: record.status,
        timeline: record.timeline,
        documents: newest(documents ?? []).map((d) => ({
          id: d.id,
          title: d.title,
          date: d.date,
          direction: d.direction,
          commentDeadline: d.commentDeadline,
        })),
        participants: record.participants.map((p) => ({ name: p.name, role: p.role })),
        forms: record.awaitingForms.map((f) => ({
          id: f.formId,
          code: f.code,
          title: forms.find((d) => d.code === f.code)?.code,
        })),
        relatedCases: related.filter(Boolean),
      },
    },
  };
}

const ROUTES: Record<string, (url: URL, call: CallOptions) => Promise<unknown>> = {
  '/w1': w1,
  '/w2': w2,
  '/w3': w3,
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const route = ROUTES[url.pathname];
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  const call = { signal: AbortSignal.timeout(config.requestDeadlineMs), correlationId: 'floor' };
  route(url, call).then(
    (body) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    },
    (error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    },
  );
});
server.keepAliveTimeout = 10_000;
server.listen(Number(process.env.PORT ?? 4999), '127.0.0.1', () => {
  console.log(`floor listening on ${process.env.PORT ?? 4999}`);
});
