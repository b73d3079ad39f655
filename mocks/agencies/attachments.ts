/** Receiving an attachment in a mock agency: hash the bytes as they stream in, and keep only what fully arrived. */
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { MockAgency, MockAttachment } from './harness.js';

export async function receiveAttachment(
  mock: MockAgency,
  body: Readable,
  meta: Omit<MockAttachment, 'sizeBytes' | 'sha256'> & { declaredBytes: number },
): Promise<{ id: string } | { error: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  // An agency stores nothing that did not arrive whole.
  if (size !== meta.declaredBytes) return { error: `received ${size} of ${meta.declaredBytes} bytes` };
  const id = randomUUID();
  const { declaredBytes: _declared, ...rest } = meta;
  mock.attachments.set(id, { ...rest, sizeBytes: size, sha256: hash.digest('hex') });
  return { id };
}
