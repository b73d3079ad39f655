import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sealer } from '../../src/store/sealed.js';

/** A value as releases before the binding sealed it: the same cipher, no additional data. */
function sealedUnbound(secret: string, purpose: string, plaintext: string): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'helseklage-graph', `store:${purpose}`, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

describe('sealed values', () => {
  it('open only under the key they were sealed for', () => {
    const sealer = new Sealer('a-secret', 'consent');
    const value = sealer.sealJson({ portal: true }, 'consent:alice:npe');
    expect(sealer.openJson(value, 'consent:alice:npe')).toEqual({ portal: true });
    expect(sealer.openJson(value, 'consent:bob:npe')).toBeNull();
  });

  it('values sealed before the binding open only where the sealer accepts them, and bound ones never move', () => {
    const legacy = sealedUnbound('a-secret', 'consent', '{"portal":true}');
    expect(new Sealer('a-secret', 'consent').openJson(legacy, 'consent:bob:npe')).toBeNull();
    const transitional = new Sealer('a-secret', 'consent', { acceptUnbound: true });
    expect(transitional.openJson(legacy, 'consent:bob:npe')).toEqual({ portal: true });
    const bound = transitional.sealJson({ portal: true }, 'consent:alice:npe');
    expect(transitional.openJson(bound, 'consent:bob:npe')).toBeNull();
  });
});
