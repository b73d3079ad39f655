/**
 * Asks the mock agencies' own APIs directly, each in its dialect, with the same credentials the gateway
 * uses: the ground truth a test compares the graph against.
 */
import { request, type Dispatcher } from 'undici';
import type { MockStack } from '../../mocks/start.js';

const NPE = { 'x-api-key': 'npe-dev-api-key', 'content-type': 'application/json' };
const HELSEKLAGE = {
  authorization: `Basic ${Buffer.from('bff:helseklage-dev-password').toString('base64')}`,
  'content-type': 'application/json',
};
const STPK = { authorization: 'Bearer stpk-dev-token', 'content-type': 'application/json' };
const PATIENTERSTATNINGEN = { authorization: 'ApiKey patienterstatningen-dev-api-key' };

async function post<T>(url: string, headers: Record<string, string>, body: unknown): Promise<T> {
  const response = await request(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.statusCode !== 200)
    throw new Error(`${url} answered ${response.statusCode}: ${await response.body.text()}`);
  return (await response.body.json()) as T;
}

async function get<T>(url: string, headers: Record<string, string>): Promise<T> {
  const response = await request(url, { headers });
  if (response.statusCode !== 200)
    throw new Error(`${url} answered ${response.statusCode}: ${await response.body.text()}`);
  return (await response.body.json()) as T;
}

/** Global ids of every case in which each agency lists the person, by walking each agency's search. */
export async function listedCaseIds(mocks: MockStack, nationalId: string): Promise<string[]> {
  const ids: string[] = [];
  if (nationalId.length === 11) {
    for (let side = 1, pages = 1; side <= pages; side++) {
      const page = await post<{ treff: { saksnummer: string }[]; antallSider: number }>(
        `${mocks.agencies.npe.url}/api/v1/saker/sok`,
        NPE,
        { fodselsnummer: nationalId, side, antallPerSide: 50 },
      );
      pages = page.antallSider;
      ids.push(...page.treff.map((t) => `npe:${t.saksnummer}`));
    }
    let cursor: string | null = null;
    do {
      const page: { items: { caseId: string }[]; nextCursor: string | null } = await post(
        `${mocks.agencies.helseklage.url}/api/case-search`,
        HELSEKLAGE,
        { nationalId, ...(cursor ? { cursor } : {}) },
      );
      ids.push(...page.items.map((i) => `helseklage:${i.caseId}`));
      cursor = page.nextCursor;
    } while (cursor);
  } else {
    for (let side = 0, more = true; more; side++) {
      const page = await post<{ sager: { sagsnummer: string }[]; flereSider: boolean }>(
        `${mocks.agencies.stpk.url}/api/sager/soeg`,
        STPK,
        { cpr: nationalId, side },
      );
      more = page.flereSider;
      ids.push(...page.sager.map((s) => `stpk:${s.sagsnummer}`));
    }
    // Patienterstatningen pages by Link headers.
    for (let url: string | undefined = `${mocks.agencies.patienterstatningen.url}/v2/claims`; url;) {
      const response: Dispatcher.ResponseData = await request(url, {
        headers: { ...PATIENTERSTATNINGEN, 'x-cpr': nationalId },
      });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      const claims = (await response.body.json()) as { claim_number: string }[];
      ids.push(...claims.map((c) => `patienterstatningen:${c.claim_number}`));
      url = /<([^>]+)>;\s*rel="next"/.exec(String(response.headers.link))?.[1];
    }
  }
  return ids;
}

export interface RawStep {
  code: string;
  state: string;
}

/** A case's steps as the agency's own API reports them, translated to one vocabulary for comparison. */
export async function agencySteps(mocks: MockStack, globalId: string): Promise<RawStep[]> {
  const [agency, caseNumber = ''] = globalId.split(/:(.*)/s);
  if (agency === 'npe') {
    const { saker } = await post<{ saker: { saksgang: { steg: string; status: string }[] }[] }>(
      `${mocks.agencies.npe.url}/api/v1/saker/hent`,
      NPE,
      { saksnumre: [caseNumber] },
    );
    return (saker[0]?.saksgang ?? []).map((s) => ({ code: s.steg, state: s.status }));
  }
  if (agency === 'helseklage') {
    const found = await get<{ progress: { stepCode: string; status: string }[] }>(
      `${mocks.agencies.helseklage.url}/api/cases/${encodeURIComponent(caseNumber)}`,
      HELSEKLAGE,
    );
    return found.progress.map((p) => ({ code: p.stepCode, state: p.status }));
  }
  const { sager } = await get<{ sager: { forloeb: { trin: string; tilstand: string }[] }[] }>(
    `${mocks.agencies.stpk.url}/api/sager?sagsnumre=${encodeURIComponent(caseNumber)}`,
    STPK,
  );
  return (sager[0]?.forloeb ?? []).map((t) => ({ code: t.trin, state: t.tilstand }));
}

/** Every document of a case as the agency's API reports it, including internal ones. */
export async function agencyDocuments(
  mocks: MockStack,
  globalId: string,
): Promise<{ id: string; internal: boolean }[]> {
  const [agency, caseNumber = ''] = globalId.split(/:(.*)/s);
  if (agency === 'npe') {
    const { dokumentlister } = await post<{
      dokumentlister: { dokumenter: { dokumentId: string; journalposttype: string }[] }[];
    }>(`${mocks.agencies.npe.url}/api/v1/saker/dokumentlister`, NPE, { saksnumre: [caseNumber] });
    return (dokumentlister[0]?.dokumenter ?? []).map((d) => ({
      id: `npe:${d.dokumentId}`,
      internal: ['N', 'X'].includes(d.journalposttype),
    }));
  }
  if (agency === 'helseklage') {
    const { documents } = await get<{ documents: { documentId: string; journalType: string }[] }>(
      `${mocks.agencies.helseklage.url}/api/cases/${encodeURIComponent(caseNumber)}/documents`,
      HELSEKLAGE,
    );
    return documents.map((d) => ({
      id: `helseklage:${d.documentId}`,
      internal: ['N', 'X'].includes(d.journalType),
    }));
  }
  const { dokumenter } = await get<{ dokumenter: { dokumentId: string; retning: string }[] }>(
    `${mocks.agencies.stpk.url}/api/dokumenter?sagsnumre=${encodeURIComponent(caseNumber)}`,
    STPK,
  );
  return dokumenter.map((d) => ({ id: `stpk:${d.dokumentId}`, internal: d.retning === 'INTERN' }));
}
