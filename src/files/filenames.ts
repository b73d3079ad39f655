/** File names that leave or enter the gateway: one rule for what is unsafe in them. */

// eslint-disable-next-line no-control-regex -- removing control characters from file names is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f"\\/:*?<>|]+/g;
/**
 * Invisible format characters: bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which can
 * make `invoice\u202Efdp.exe` read as `invoiceexe.pdf`), marks, zero-width characters and the BOM.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+/g;

/**
 * Invisible format characters are dropped; control characters, path separators and characters file systems
 * reject become spaces; spaces collapse.
 */
export function withoutUnsafeCharacters(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}
