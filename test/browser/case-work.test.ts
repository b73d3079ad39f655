/**
 * Working on a case in the portal: Ingrid sends new information with attachments (and a broken connection
 * does not send it twice), reads and downloads the case's documents, and Anders fills in the form
 * Helseklage awaits from him, with the graph's field errors beside their fields.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../mocks/seed/pdf.js';
import { appealInProgress } from '../helpers/cases.js';
import { persona } from '../helpers/stack.js';
import { startPortalStack, type PortalPage, type PortalStack } from './portal.js';

let portal: PortalStack;

const PDF = renderPdf(['Epikrise fra fastlegen', 'Kontroll etter inngrepet']);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(4096, 7),
]);

beforeAll(async () => {
  portal = await startPortalStack();
});

afterAll(async () => {
  await portal?.close();
});

/** Logs in (consented) and opens a case page by its graph id. */
async function openCase(personaKey: string, caseId: string): Promise<PortalPage> {
  await portal.stack.token(personaKey);
  const opened = await portal.open();
  await opened.logIn(personaKey);
  await opened.page.goto(`${portal.portal.url}/sak/${encodeURIComponent(caseId)}`);
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

/** What Helseklage received with this message (the mock agency's own record). */
function receivedAtHelseklage(message: string) {
  return [...portal.stack.mocks.agencies.helseklage.submissions.values()].filter(
    (s) => s.message === message,
  );
}

describe('working on a case', () => {
  it('Ingrid sends new information with two attachments, sees each upload finish, and finds it among what she has sent', async () => {
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step, expectAccessible, pageErrors } = await openCase(
      'citizen-npe-helseklage',
      `helseklage:${appeal.caseNumber}`,
    );
    const message = `Her er epikrisen fra kontrollen ${Date.now()}.`;
    const form = page.locator('form.send-information');
    await step('she writes and attaches a PDF and a photo', async () => {
      await form.getByLabel('Melding').fill(message);
      await form.getByLabel('Legg ved filer').setInputFiles([
        { name: 'epikrise.pdf', mimeType: 'application/pdf', buffer: PDF },
        { name: 'arr.png', mimeType: 'image/png', buffer: PNG },
      ]);
      expect(await form.locator('[data-file]').count()).toBe(2);
    });
    await expectAccessible('the case page with a draft');
    await step(
      'sending uploads each file to the end, then says it is sent, with the focus there',
      async () => {
        await form.getByRole('button', { name: 'Send' }).click();
        await form
          .getByRole('status')
          .getByText(/^Sendt\./)
          .waitFor();
        for (const bar of await form.getByRole('progressbar').all())
          expect(await bar.getAttribute('value')).toBe('1');
        await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('send-outcome');
        expect(await form.getByLabel('Melding').inputValue()).toBe('');
      },
    );
    await step('Helseklage has it once, with both attachments, and the page lists it', async () => {
      await expect.poll(() => receivedAtHelseklage(message).length).toBe(1);
      expect(receivedAtHelseklage(message)[0]?.attachmentIds).toHaveLength(2);
      const sent = page.locator('[data-submission]', { hasText: message });
      await sent.waitFor();
      expect(await sent.textContent()).toContain('2 vedlegg');
      expect(['DELIVERED', 'PENDING']).toContain(await sent.getAttribute('data-state'));
    });
    expect(pageErrors).toEqual([]);
  });

  it('when the connection breaks after the graph took the message, trying again does not send it twice', async () => {
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step } = await openCase('citizen-npe-helseklage', `helseklage:${appeal.caseNumber}`);
    const message = `Tilleggsopplysning om smertene ${Date.now()}.`;
    const form = page.locator('form.send-information');
    const sendings: string[] = [];
    // The first sending reaches the gateway and is answered, but the answer never reaches the browser.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { input?: { idempotencyKey?: string } };
      } | null;
      if (body?.operationName !== 'SubmitInformation') return route.continue();
      sendings.push(body.variables?.input?.idempotencyKey ?? '');
      if (sendings.length > 1) return route.continue();
      await route.fetch();
      return route.abort('connectionreset');
    });
    await step(
      'the first try ends without an answer: the page says it does not know, and offers to try again',
      async () => {
        await form.getByLabel('Melding').fill(message);
        await form.getByRole('button', { name: 'Send' }).click();
        await form.getByText(/Vi vet ikke om sendingen kom fram/).waitFor();
        expect(await form.getByLabel('Melding').getAttribute('readonly')).not.toBeNull();
        await expect.poll(() => receivedAtHelseklage(message).length).toBe(1);
      },
    );
    await step('trying again sends the same sending, which the graph recognises', async () => {
      await form.getByRole('button', { name: 'Prøv igjen' }).click();
      await form
        .getByRole('status')
        .getByText(/^Sendt\./)
        .waitFor();
      expect(sendings).toHaveLength(2);
      expect(sendings[1]).toBe(sendings[0]);
      expect(receivedAtHelseklage(message)).toHaveLength(1);
      expect(receivedAtHelseklage(message)[0]?.received).toBe(1);
      await expect.poll(() => page.locator('[data-submission]', { hasText: message }).count()).toBe(1);
    });
  });

  it('she writes and sends by keyboard alone, and the focus lands on what happened', async () => {
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step, tabTo } = await openCase('citizen-npe-helseklage', `helseklage:${appeal.caseNumber}`);
    const message = `Skrevet med tastaturet ${Date.now()}.`;
    await step('Tab to the message, type it, Tab to Send, Enter', async () => {
      await tabTo('Melding');
      await page.keyboard.type(message);
      await tabTo('Send');
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText(/^Sendt\./)
        .waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('send-outcome');
      await expect.poll(() => receivedAtHelseklage(message).length).toBe(1);
    });
  });

  it('a file of a type the agencies do not take is refused beside it, in her language, and nothing is sent', async () => {
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step } = await openCase('citizen-npe-helseklage', `helseklage:${appeal.caseNumber}`);
    const message = `Vedlagt regneark ${Date.now()}.`;
    const form = page.locator('form.send-information');
    await step('a spreadsheet is refused before any byte is sent', async () => {
      await form.getByLabel('Melding').fill(message);
      await form
        .getByLabel('Legg ved filer')
        .setInputFiles([
          { name: 'utgifter.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('not a pdf') },
        ]);
      await form.getByRole('button', { name: 'Send' }).click();
      const refusal = form.locator('[data-file="utgifter.xlsx"]');
      await expect
        .poll(() => refusal.textContent())
        .toContain('Du kan bare sende PDF, JPEG, PNG, HEIC og DOCX.');
      expect(receivedAtHelseklage(message)).toHaveLength(0);
    });
    await step('without the file, the message goes', async () => {
      await form.getByRole('button', { name: 'Fjern utgifter.xlsx' }).click();
      await form.getByRole('button', { name: 'Send' }).click();
      await form
        .getByRole('status')
        .getByText(/^Sendt\./)
        .waitFor();
      await expect.poll(() => receivedAtHelseklage(message).length).toBe(1);
    });
  });

  it('the documents of her appeal, both ways, open with a click, and the whole case file comes as a ZIP', async () => {
    const appeal = appealInProgress(portal.stack.mocks.world);
    const { page, step } = await openCase('citizen-npe-helseklage', `helseklage:${appeal.caseNumber}`);
    const documents = page.locator('table.documents [data-document]');
    await step('the list shows documents from the agency and from her', async () => {
      await documents.first().waitFor();
      const directions = await documents.evaluateAll((rows) =>
        rows.map((row) => row.getAttribute('data-direction')),
      );
      expect(directions).toContain('INCOMING');
      expect(directions).toContain('OUTGOING');
    });
    await step('a document downloads as a file', async () => {
      const link = documents.getByRole('link').first();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const saved = readFileSync((await download.path()) ?? '');
      expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
    await step('the case file downloads as a ZIP', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-case-file]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      const saved = readFileSync((await download.path()) ?? '');
      expect(saved.subarray(0, 2).toString('latin1')).toBe('PK');
    });
  });

  it('Anders fills in the form Helseklage awaits: the graph’s field errors stand beside their fields, then it is sent', async () => {
    const pid = persona('represented-party').login.pid;
    const record = portal.stack.mocks.world.cases.helseklage.find((c) =>
      c.participants.some((p) => p.nationalId === pid),
    );
    if (!record) throw new Error('no Helseklage case for Anders');
    const { page, step, expectAccessible } = await openCase(
      'represented-party',
      `helseklage:${record.caseNumber}`,
    );
    const form = page.locator('form[data-form="SAMTYKKE_JOURNAL"]');
    await step(
      'sent empty, the required fields each get their error, and the summary takes the focus',
      async () => {
        await form.getByRole('button', { name: 'Send' }).click();
        const summary = form.getByRole('group', {
          name: 'Skjemaet er ikke sendt. Rett opp feltene som er merket.',
        });
        await summary.waitFor();
        await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await summary.getByRole('link').allTextContents()).toEqual([
          'Fyll ut «Behandlingssted».',
          'Fyll ut «Tidsrom».',
          'Fyll ut «Jeg samtykker til at journalen innhentes».',
        ]);
        // Beside the field: its error is what the field's description points to (aria-describedby).
        const place = form.getByLabel(/^Behandlingssted/);
        expect(await place.getAttribute('aria-invalid')).toBe('true');
        const described = await place.evaluate((input) =>
          (input.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        );
        expect(described).toContain('Fyll ut «Behandlingssted».');
      },
    );
    await expectAccessible('a form with errors');
    await step('filled in, it is sent, Helseklage has it and asks no more', async () => {
      const before = portal.stack.mocks.agencies.helseklage.submissions.size;
      await form.getByLabel(/^Behandlingssted/).fill('Tannlegen i Storgata, Drammen');
      const period = form.locator('[data-field="period"] select');
      await period.selectOption({ index: 1 });
      await form.locator('[data-field="consent"]').getByLabel('Ja').check();
      await form.getByRole('button', { name: 'Send' }).click();
      await page.locator('[data-form-sent="SAMTYKKE_JOURNAL"]').waitFor();
      await expect.poll(() => portal.stack.mocks.agencies.helseklage.submissions.size).toBe(before + 1);
      // Helseklage has the answers and no longer asks for the form; the page still says it was sent.
      await form.waitFor({ state: 'detached' });
      expect(await page.locator('[data-form-sent="SAMTYKKE_JOURNAL"]').isVisible()).toBe(true);
    });
  });
});
