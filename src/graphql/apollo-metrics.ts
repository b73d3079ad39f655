/** An Apollo Server plugin that reports each operation's name, outcome, error codes and duration to the metrics. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import type { Metrics } from '../observability/metrics.js';

export function operationMetrics(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          metrics.operation(
            operationName,
            (performance.now() - started) / 1000,
            (errors ?? []).map((error) => error.extensions?.code),
          );
        },
      };
    },
  };
}
