/**
 * The shipped alert rules (ops/prometheus/alerts.yml) watch series the gateway really exposes, by the
 * names and labels it uses: a renamed metric must not leave an alert that can never fire. (promtool checks
 * their syntax and behaviour in CI: `npm run alerts:check`.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/observability/metrics.js';

const rules = readFileSync(new URL('../../ops/prometheus/alerts.yml', import.meta.url), 'utf8');

describe('the alert rules', () => {
  it('use only series and labels the gateway exposes', async () => {
    const metrics = new Metrics(['Dashboard'], { version: '0.0.0', revision: 'test' });
    // prom-client lists a series' labels with its values: give each labelled series one.
    metrics.breaker('npe', 'OPEN');
    metrics.agencyUp('npe', false);
    metrics.deliveryAttempt('npe', 'GAVE_UP');
    metrics.upstream('npe', 0.1, 'TIMEOUT');
    metrics.operation('Dashboard', 0.1, ['INTERNAL_SERVER_ERROR']);
    const labelled = new Map(
      (await metrics.registry.getMetricsAsJSON()).map((m) => [
        m.name,
        new Set((m.values as { labels: Record<string, unknown> }[]).flatMap((v) => Object.keys(v.labels))),
      ]),
    );
    const used = [...rules.matchAll(/(helseklage_graph_\w+)(\{([^}]*)\})?/g)];
    expect(used.length).toBeGreaterThan(5);
    for (const [, name, , selector] of used) {
      expect(labelled.has(name!), name).toBe(true);
      for (const label of (selector ?? '').matchAll(/(\w+)\s*=~?/g))
        expect(labelled.get(name!)?.has(label[1]!), `${name} {${label[1]}}`).toBe(true);
    }
  });
});
