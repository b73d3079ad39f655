/**
 * Short-lived signed download links. A link names one document of one case and is bound to the person it
 * was made for (their pseudonym, never their national id); it is a JWS under a key derived from
 * STORE_SECRET, so every gateway instance can check it and nobody can make one.
 */
import { hkdfSync } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { pseudonym } from '../auth/pseudonym.js';
import type { Principal } from '../auth/principal.js';

export const DOCUMENT_LINK_TTL_SECONDS = 5 * 60;
const ISSUER = 'helseklage-graph';
const DOCUMENT_AUDIENCE = 'document-download';
const CASE_FILE_AUDIENCE = 'case-file';

export interface CaseFileTarget {
  caseId: string;
  /** A chosen set of the case's documents (global ids), or null for all of them. */
  documentIds: string[] | null;
}

export interface DocumentLinkTarget {
  /** Global case id (npe:2025-00636). */
  caseId: string;
  /** Global document id (npe:D00000123). */
  documentId: string;
}

export class DocumentLinks {
  readonly #key: Uint8Array;

  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly ttlSeconds = DOCUMENT_LINK_TTL_SECONDS,
  ) {
    this.#key = new Uint8Array(hkdfSync('sha256', secret, 'helseklage-graph', 'download-links', 32));
  }

  async url(principal: Principal, target: DocumentLinkTarget): Promise<string> {
    const token = await new SignJWT({ case: target.caseId, doc: target.documentId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(pseudonym(this.secret, principal.nationalId))
      .setIssuer(ISSUER)
      .setAudience(DOCUMENT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.#key);
    return `${this.publicUrl.replace(/\/$/, '')}/files/documents/${token}`;
  }

  /** The link's target when it is genuine, unexpired and made for this person; null otherwise, whatever the cause. */
  async open(token: string, principal: Principal): Promise<DocumentLinkTarget | null> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: DOCUMENT_AUDIENCE,
      });
      if (payload.sub !== pseudonym(this.secret, principal.nationalId)) return null;
      if (typeof payload.case !== 'string' || typeof payload.doc !== 'string') return null;
      return { caseId: payload.case, documentId: payload.doc };
    } catch {
      return null;
    }
  }

  /** A link to a case's whole file (or a chosen set of its documents) as one ZIP. */
  async caseFileUrl(principal: Principal, target: CaseFileTarget): Promise<string> {
    const token = await new SignJWT({
      case: target.caseId,
      ...(target.documentIds ? { docs: target.documentIds } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(pseudonym(this.secret, principal.nationalId))
      .setIssuer(ISSUER)
      .setAudience(CASE_FILE_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.#key);
    return `${this.publicUrl.replace(/\/$/, '')}/files/cases/${token}`;
  }

  async openCaseFile(token: string, principal: Principal): Promise<CaseFileTarget | null> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: CASE_FILE_AUDIENCE,
      });
      if (payload.sub !== pseudonym(this.secret, principal.nationalId) || typeof payload.case !== 'string')
        return null;
      const docs = payload.docs;
      if (docs !== undefined && !(Array.isArray(docs) && docs.every((d) => typeof d === 'string')))
        return null;
      return { caseId: payload.case, documentIds: docs ?? null };
    } catch {
      return null;
    }
  }
}
