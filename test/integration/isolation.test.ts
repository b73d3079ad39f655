import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

const PERSONAS = [
  'citizen-npe-helseklage',
  'lawyer-many',
  'proxy',
  'represented-party',
  'guardian',
  'citizen-dk',
  'missing-mobile',
  'stranger',
];
const ROUNDS = 25;
const QUERY = /* GraphQL */ `
  {
    viewer {
      country
      consents {
        agency {
          code
        }
        portal
      }
    }
    cases(first: 40) {
      totalCount
      agencyStatuses {
        agency {
          code
        }
        status
        reason
      }
      nodes {
        id
        viewerRole
        viewerAccess {
          status
          reason
        }
        participants {
          name
          isViewer
          contact {
            mobile
          }
        }
        documents {
          id
          title
        }
        relatedCases {
          id
        }
      }
    }
  }
`;

let stack: TestStack;
const tokens = new Map<string, string>();

beforeAll(async () => {
  stack = await startTestStack();
  for (const key of PERSONAS) tokens.set(key, await stack.token(key));
});
afterAll(async () => {
  await stack.close();
});

describe('two people asking at the same time', () => {
  it(`never see each other's data: ${PERSONAS.length * ROUNDS} interleaved requests each get exactly their own answer`, async () => {
    // Each person's answer, asked alone.
    const alone = new Map<string, string>();
    for (const key of PERSONAS) {
      const { text, status } = await stack.graphql(QUERY, { token: tokens.get(key) });
      expect(status).toBe(200);
      alone.set(key, text);
    }
    expect(new Set(alone.values()).size).toBe(PERSONAS.length);

    // The same questions interleaved, with agency latency so that requests overlap inside the gateway.
    for (const mock of Object.values(stack.mocks.agencies)) mock.setFaults({ delayMs: 15 });
    try {
      // Every round asks everyone, each round in a rotated order; all requests are in flight together.
      const order = Array.from({ length: ROUNDS }, (_, round) =>
        PERSONAS.map((_key, i) => PERSONAS[(i + round) % PERSONAS.length] ?? ''),
      ).flat();
      for (const mock of Object.values(stack.mocks.agencies)) mock.resetStats();
      const answers = await Promise.all(
        order.map(async (key) => ({
          key,
          text: (await stack.graphql(QUERY, { token: tokens.get(key) })).text,
        })),
      );
      const wrong = answers.filter(({ key, text }) => text !== alone.get(key));
      expect(wrong.map((w) => w.key)).toEqual([]);
      expect(answers).toHaveLength(PERSONAS.length * ROUNDS);
      expect(
        Math.max(...Object.values(stack.mocks.agencies).map((m) => m.stats.peakInFlight)),
      ).toBeGreaterThan(4);
    } finally {
      for (const mock of Object.values(stack.mocks.agencies)) mock.setFaults({});
    }
  });
});
