/** File names that leave or enter the gateway: one rule for what is unsafe in them. */

// eslint-disable-next-line no-control-regex -- removing control characters from file names is the point
const UNSAFE = /[\u0000-\u001f\u007f"\\/:*?<>|]+/g;

/** Control characters, path separators and characters file systems reject become spaces; spaces collapse. */
export function withoutUnsafeCharacters(name: string): string {
  return name.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}
