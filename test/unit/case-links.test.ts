/**
 * Which agency appeals which is the registry's to say (CASE_LINKS), not the adapters': an adapter names
 * the other body in its own system's words and the registry makes that a case of the graph — or nothing,
 * when the body is not one the graph covers or its agency is not running.
 */
import { describe, expect, it } from 'vitest';
import { helseklageDefinition } from '../../src/agencies/helseklage/definition.js';
import { npeDefinition } from '../../src/agencies/npe/definition.js';
import { AGENCY_MODULES, AgencyRegistry, CASE_LINKS } from '../../src/agencies/registry.js';
import { FakeAgency } from '../helpers/fake-agency.js';

describe('links between agencies’ cases', () => {
  const registry = new AgencyRegistry([
    new FakeAgency(npeDefinition, []),
    new FakeAgency(helseklageDefinition, []),
  ]);

  it('join agencies of the registry, each link with its way back', () => {
    const codes = AGENCY_MODULES.map((m) => m.code);
    for (const link of CASE_LINKS) {
      expect(codes).toContain(link.from);
      expect(codes).toContain(link.to);
      expect(CASE_LINKS.some((back) => back.from === link.to && back.to === link.from)).toBe(true);
    }
  });

  it('make an NPE decision’s appeal a Helseklage case, and the appeal’s first instance an NPE case', () => {
    expect(registry.linkedCase('npe', { body: 'NASJONALT_KLAGEORGAN', caseNumber: '2026/00417' })).toEqual({
      agency: 'helseklage',
      caseNumber: '2026/00417',
    });
    expect(registry.linkedCase('helseklage', { body: 'NPE', caseNumber: '2025-00017' })).toEqual({
      agency: 'npe',
      caseNumber: '2025-00017',
    });
  });

  it('link to nothing for a body the graph does not cover, or another agency’s name for it', () => {
    expect(registry.linkedCase('helseklage', { body: 'HELFO', caseNumber: '2026/1' })).toBeNull();
    expect(registry.linkedCase('npe', { body: 'NPE', caseNumber: '2025-00017' })).toBeNull();
  });

  it('link to nothing when the agency that keeps the case is not running', () => {
    expect(
      registry.linkedCase('stpk', { body: 'PATIENTERSTATNINGEN', caseNumber: 'PE-2025-000123' }),
    ).toBeNull();
  });
});
