/** Whether a logger writes info lines: below the level, a line not written need not be built either. */
const WRITES_INFO = new Set(['trace', 'debug', 'info']);

export function writesInfo(log: { level: string }): boolean {
  return WRITES_INFO.has(log.level);
}
