/** Headers for a document leaving the gateway: a safe file name and an allow-listed content type. */
import { knownExtension } from './file-types.js';
import { withoutUnsafeCharacters } from './filenames.js';

/** The file extension for a type the gateway sends (documents, and the case file's ZIP). */
export function extensionFor(contentType: string): string {
  return contentType === 'application/zip' ? 'zip' : (knownExtension(contentType) ?? 'bin');
}

/** The agency's type when it is one we serve; anything else is sent as bytes, never rendered. */
export function safeContentType(type: string | null): string {
  const bare = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return knownExtension(bare) ? bare : 'application/octet-stream';
}

/**
 * `attachment` with the title as file name: path separators, control characters and quotes removed, length
 * bounded, the extension from the content type; an ASCII fallback beside the UTF-8 name (RFC 6266/5987).
 */
export function contentDisposition(title: string, contentType: string): string {
  const extension = extensionFor(contentType);
  const base =
    withoutUnsafeCharacters(title)
      .replace(/\.+/g, '.')
      .slice(0, 100)
      .replace(/^[.\s]+|[.\s]+$/g, '') || 'dokument';
  const name = `${base}.${extension}`;
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[%;]/g, '_') || `dokument.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc8187(name)}`;
}

/**
 * A value for an extended parameter (RFC 8187): every byte outside attr-char percent-encoded.
 * encodeURIComponent leaves ' ( ) * ! as they are; the first four are not attr-char and would end or bend
 * the parameter in some parsers.
 */
export function rfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
