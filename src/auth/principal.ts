/** The person behind a request, normalised across identity providers. */
export type Assurance = 'low' | 'substantial' | 'high';

export interface Principal {
  provider: 'idporten' | 'mitid';
  issuer: string;
  country: 'NO' | 'DK';
  /** Fødselsnummer/D-number or CPR. Never logged, never put in a URL, never sent to the browser. */
  nationalId: string;
  assurance: Assurance;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export const ASSURANCE_RANK: Record<Assurance, number> = { low: 1, substantial: 2, high: 3 };
