/** Small holes an attacker found, each closed where it opened (issue 12's "smaller" items). */
import { describe, expect, it } from 'vitest';
import { csv } from '../../src/routes/case-file.js';
import { contentDisposition, safeContentType } from '../../src/files/content-disposition.js';
import { isAllowedUploadType, safeFilename } from '../../src/files/uploads.js';
import { validateAnswers } from '../../src/forms/validate.js';

describe('hardening', () => {
  it('takes no inherited property for an allowed file type', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(isAllowedUploadType(type)).toBe(false);
      expect(safeContentType(type)).toBe('application/octet-stream');
      expect(safeFilename('brev.pdf', type)).toBe('brev.bin');
    }
    expect(isAllowedUploadType('application/pdf')).toBe(true);
  });

  it('calls an impossible form date not a date, rather than failing', () => {
    const definition = {
      code: 'F1',
      version: 1,
      fields: [
        { key: 'dato', type: 'DATE' as const, required: true, options: null, maxLength: null, min: null },
      ],
    };
    for (const value of ['2026-13-45', '2026-02-30', '0000-00-00'])
      expect(validateAnswers(definition, [{ key: 'dato', value }])).toEqual({
        problems: [{ key: 'dato', problem: 'NOT_A_DATE' }],
      });
    expect(validateAnswers(definition, [{ key: 'dato', value: '2026-02-28' }])).toEqual({
      answers: { dato: '2026-02-28' },
      problems: [],
    });
  });

  it('neutralises CSV cells that a spreadsheet would run as a formula', () => {
    expect(csv(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\t=1', 'Vedtak'])).toBe(
      `"'=HYPERLINK(""http://x"")";"'+1";"'-2";"'@SUM(A1)";"'\t=1";"Vedtak"`,
    );
  });

  it('drops right-to-left overrides and other invisible characters from file names', () => {
    expect(safeFilename('faktura\u202Efdp.exe', 'application/pdf')).toBe('fakturafdp.pdf');
    expect(safeFilename('a\u200Bb\u2066c\u2069.pdf', 'application/pdf')).toBe('abc.pdf');
    expect(contentDisposition('Vedtak\u202Eexe.pdf', 'application/pdf')).not.toMatch(/\u202E|%E2%80%AE/);
  });

  it('encodes filename* as RFC 8187 asks: no apostrophe, parenthesis or asterisk unencoded', () => {
    const header = contentDisposition("Pasientens brev (kopi) 'utkast'!", 'application/pdf');
    const extended = header.split("filename*=UTF-8''")[1] ?? '';
    expect(extended).toBe('Pasientens%20brev%20%28kopi%29%20%27utkast%27!.pdf');
    expect(extended).toMatch(/^[A-Za-z0-9!#$&+.^_`|~%-]+$/);
  });
});
