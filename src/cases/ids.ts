/** The graph's ids of cases and documents: the agency's code and the agency's own number, e.g. `npe:2025-00017`. */
const GLOBAL_ID = /^([a-z][a-z0-9-]*):(.{1,64})$/;

export function globalCaseId(agency: string, caseNumber: string): string {
  return `${agency}:${caseNumber}`;
}

export function parseGlobalId(id: string): { agency: string; caseNumber: string } | null {
  const match = GLOBAL_ID.exec(id);
  return match?.[1] && match[2] ? { agency: match[1], caseNumber: match[2] } : null;
}

export function globalDocumentId(agency: string, documentId: string): string {
  return `${agency}:${documentId}`;
}
