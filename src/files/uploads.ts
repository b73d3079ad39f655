/**
 * Uploads, in two steps as browsers do them: `createUpload` checks what can be checked before any byte is
 * sent (the viewer's capability, type, size, name) and keeps a sealed upload record; the one-time upload
 * route then checks the bytes themselves (magic bytes, exact size) while streaming them to the agency.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { pseudonym } from '../auth/pseudonym.js';
import type { Principal } from '../auth/principal.js';
import { Sealer } from '../store/sealed.js';
import { DOCX, knownExtension } from './file-types.js';
import { withoutUnsafeCharacters } from './filenames.js';
import type { Store } from '../store/index.js';

/** Why an upload is refused: each its own reason, for the person to act on. */
export type UploadRefusal =
  | 'TYPE_NOT_ALLOWED'
  | 'TYPE_MISMATCH'
  | 'EMPTY_FILE'
  | 'TOO_LARGE'
  | 'SIZE_MISMATCH'
  | 'BAD_FILENAME'
  | 'NOT_ALLOWED';

/** Whether a declared type is one the agencies accept. */
export function isAllowedUploadType(contentType: string): boolean {
  return knownExtension(contentType) !== null;
}

/** Bytes needed to recognise every allowed type. */
export const SNIFF_BYTES = 12;

/** The type the bytes say they are, from their magic numbers; null when none of the allowed ones. */
export function sniffType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  const brand = head.subarray(4, 12).toString('latin1');
  if (/^ftyp(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'image/heic';
  // DOCX is a ZIP container (Office Open XML).
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return DOCX;
  return null;
}

/**
 * A file name made safe to pass on, or null when it tries to be a path. Control characters and characters
 * that file systems reject are removed; the extension follows the declared type.
 */
export function safeFilename(name: string, contentType: string): string | null {
  const trimmed = name.normalize('NFC').trim();
  if (/[/\\]/.test(trimmed) || /(^|\.)\.(\.|$)/.test(trimmed) || trimmed.includes('\0')) return null;
  const cleaned = withoutUnsafeCharacters(trimmed);
  const withoutExtension = cleaned
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, 120)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!withoutExtension) return null;
  return `${withoutExtension}.${knownExtension(contentType) ?? 'bin'}`;
}

const uploadRecord = z.object({
  id: z.string(),
  owner: z.string(),
  caseId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().positive(),
  createdAt: z.string(),
  expiresAt: z.string(),
  attachmentId: z.string().nullable(),
});

export type UploadRecord = z.infer<typeof uploadRecord>;

export const UPLOAD_TTL_MS = 60 * 60_000;

export class UploadStore {
  readonly #sealer: Sealer;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {
    this.#sealer = new Sealer(secret, 'uploads');
  }

  async create(
    principal: Principal,
    file: Omit<UploadRecord, 'id' | 'owner' | 'createdAt' | 'expiresAt' | 'attachmentId'>,
  ) {
    const now = Date.now();
    const record: UploadRecord = {
      ...file,
      id: randomBytes(18).toString('base64url'),
      owner: pseudonym(this.secret, principal.nationalId),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + UPLOAD_TTL_MS).toISOString(),
      attachmentId: null,
    };
    await this.#save(record);
    return record;
  }

  /** The upload, when it exists and belongs to this person; null otherwise (the same for both). */
  async find(id: string, principal: Principal): Promise<UploadRecord | null> {
    if (!/^[\w-]{20,40}$/.test(id)) return null;
    const record = this.#sealer.openJson(await this.store.get(`upload:${id}`), `upload:${id}`, uploadRecord);
    return record?.owner === pseudonym(this.secret, principal.nationalId) ? record : null;
  }

  /** One upload per URL: the first caller to claim it may send the bytes. */
  claim(id: string): Promise<boolean> {
    return this.store.setIfAbsent(`upload-claim:${id}`, '1', UPLOAD_TTL_MS);
  }

  /** Lets a failed upload be tried again with the same URL. */
  release(id: string): Promise<void> {
    return this.store.delete(`upload-claim:${id}`);
  }

  async stored(record: UploadRecord, attachmentId: string): Promise<UploadRecord> {
    const done = { ...record, attachmentId };
    await this.#save(done);
    return done;
  }

  async #save(record: UploadRecord): Promise<void> {
    const ttl = Math.max(1, Date.parse(record.expiresAt) - Date.now());
    await this.store.set(`upload:${record.id}`, this.#sealer.sealJson(record, `upload:${record.id}`), ttl);
  }
}
