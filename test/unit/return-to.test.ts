/**
 * Where a login may send the browser afterwards: a path on the gateway's own origin or a page on a
 * configured portal origin. Everything else — the usual open-redirect tricks — lands on the default.
 */
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/auth/login.js';

const PORTALS = ['https://minside.helseklage.no', 'http://localhost:5173', '*'];
const DEFAULT = '/graphql';

describe('returnTo after login', () => {
  it('accepts local paths and pages on a portal origin', () => {
    for (const target of [
      '/',
      '/graphql',
      '/saker?side=2',
      '/%2F%2Fevil.example', // stays a path on this origin: nothing is decoded
      'https://minside.helseklage.no',
      'https://minside.helseklage.no/',
      'https://minside.helseklage.no/saker/npe:2026-01234?fane=dokumenter#tidslinje',
      'http://localhost:5173/saker',
      'http://localhost:5173?lang=nn',
    ])
      // (A portal URL comes back as the parser read it: `https://host` gets its slash.)
      expect([target, safeReturnTo(target, PORTALS)]).toEqual([
        target,
        target.startsWith('/') ? target : new URL(target).href,
      ]);
  });

  it('refuses other hosts and every disguise of them', () => {
    for (const target of [
      'https://evil.example/',
      '//evil.example/',
      '///evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      'https:\\\\minside.helseklage.no\\@evil.example',
      'https://minside.helseklage.no@evil.example/',
      'https://minside.helseklage.no:443@evil.example/',
      'https://user:password@minside.helseklage.no/',
      'https://minside.helseklage.no.evil.example/',
      'https://minside.helseklage.nO/',
      'https://evil.example/#https://minside.helseklage.no',
      'https://evil.example/?https://minside.helseklage.no',
      'http://minside.helseklage.no/', // another scheme is another origin
      'https://minside.helseklage.no:8443/',
      'http://localhost:51730/',
      'http://localhost:5173.evil.example/',
      'https%3A%2F%2Fevil.example%2F',
      '%2F%2Fevil.example',
      ' https://minside.helseklage.no/',
      '\t//evil.example/',
      '/\t/evil.example',
      '/ /evil.example',
      'https://minside.helseklage.no/\nLocation: https://evil.example/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '*',
      'https://*',
      '',
      `/${'a'.repeat(2001)}`,
    ])
      expect([target, safeReturnTo(target, PORTALS)]).toEqual([target, DEFAULT]);
    expect(safeReturnTo(undefined, PORTALS)).toBe(DEFAULT);
    expect(safeReturnTo(['/a', '/b'], PORTALS)).toBe(DEFAULT);
  });
});
