/** Sending to a case as a portal does: an attachment uploaded first, and waiting for the outbox to settle. */
import { expect } from 'vitest';
import { renderPdf } from '../../mocks/seed/pdf.js';
import { postGraphql } from './stack.js';

/** Uploads a small PDF for a case through the gateway at `url` (to the agency at once); its upload id. */
export async function uploadPdf(url: string, token: string, caseId: string): Promise<string> {
  const pdf = renderPdf(['Legeerklæring', 'Dato: 2026-11-20']);
  const { body } = await postGraphql<{ createUpload: { upload: { id: string; url: string } } }>(
    url,
    'mutation ($input: CreateUploadInput!) { createUpload(input: $input) { upload { id url } } }',
    {
      token,
      variables: {
        input: {
          caseId,
          filename: 'legeerklaering.pdf',
          contentType: 'application/pdf',
          sizeBytes: pdf.length,
        },
      },
    },
  );
  const upload = body.data!.createUpload.upload;
  const response = await fetch(`${url}${new URL(upload.url).pathname}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
    body: pdf,
  });
  expect(response.status).toBe(201);
  return upload.id;
}

/** Probes every 50 ms until `done` holds or `ms` pass; the last value (the caller asserts on it). */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
