/**
 * Opaque keyset cursors over the merged case list (newest activity first, then id). A keyset survives
 * cases being added between pages better than an offset would.
 */
import { z } from 'zod';
import { graphError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { say } from '../messages.js';

export interface CaseKey {
  updatedAt: string;
  id: string;
}

const cursorSchema = z.object({ u: z.string(), i: z.string() });

export function encodeCursor(key: CaseKey): string {
  return Buffer.from(JSON.stringify({ u: key.updatedAt, i: key.id })).toString('base64url');
}

export function decodeCursor(cursor: string, lang: Lang): CaseKey {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { updatedAt: parsed.u, id: parsed.i };
  } catch {
    throw graphError('BAD_USER_INPUT', say(lang, 'CURSOR_INVALID'), {
      argument: 'after',
    });
  }
}

/** Newest first; ties broken by id so the order is total. */
export function compareKeys(a: CaseKey, b: CaseKey): number {
  return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}
