/**
 * The identity providers' published configuration (OpenID Connect Discovery 1.0), fetched once per issuer
 * and shared by token verification (its `jwks_uri`) and the login through the BFF (its endpoints): one
 * fetch, one timeout, and one check that the document names exactly the issuer it was fetched for (§4.3).
 * A failure is not kept: the next use tries again.
 */
import type { ServerMetadata } from 'openid-client';
import { request } from 'undici';
import { z } from 'zod';

const discoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.url() }).catchall(z.json());

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
}

export class IssuerDiscovery {
  readonly #documents = new Map<string, Promise<ServerMetadata & { jwks_uri: string }>>();

  constructor(private readonly timeoutMs: number) {}

  /** The issuer's published configuration; DiscoveryError when it cannot be had or names another issuer. */
  metadata(issuer: string): Promise<ServerMetadata & { jwks_uri: string }> {
    const known = this.#documents.get(issuer);
    if (known) return known;
    const loading = this.#fetch(issuer);
    this.#documents.set(issuer, loading);
    loading.catch(() => this.#documents.delete(issuer));
    return loading;
  }

  async #fetch(issuer: string): Promise<ServerMetadata & { jwks_uri: string }> {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: z.infer<typeof discoveryDocument>;
    try {
      const response = await request(url, {
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw new Error(`discovery answered ${response.statusCode}`);
      }
      document = discoveryDocument.parse(await response.body.json());
    } catch (error) {
      throw new DiscoveryError(`${issuer}: ${(error as Error).message}`, { cause: error });
    }
    if (document.issuer !== issuer)
      throw new DiscoveryError(`${issuer} published the issuer ${document.issuer}`);
    return document;
  }
}
