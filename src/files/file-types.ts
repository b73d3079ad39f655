/**
 * The file types the portal handles — PDF, JPEG, PNG, HEIC and DOCX: what the agencies accept from a person,
 * and what a document may be served as — with their extensions. One table for both, looked up in a Map, so
 * that no inherited property (`constructor`, `__proto__`) passes for a type.
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/heic', 'heic'],
  [DOCX, 'docx'],
]);

/** The extension of a type the portal handles; null for any other. */
export function knownExtension(contentType: string): string | null {
  return EXTENSIONS.get(contentType) ?? null;
}
