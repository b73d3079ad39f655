/** Reading agency events: each adapter's schema turns its dialect into our AgencyEvent, or the body is refused. */
import type { z } from 'zod';
import type { AgencyEvent } from './port.js';

export function eventParser(schema: z.ZodType<AgencyEvent>): (body: unknown) => AgencyEvent | null {
  return (body) => {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : null;
  };
}
