// What a platform's standard auto-instrumentation does before the gateway's code runs (as
// `--import @opentelemetry/auto-instrumentations-node/register` would): a Node SDK registered for the
// process, instrumenting Node's http server, exporting by the OTEL_EXPORTER_OTLP_* settings.
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK } from '@opentelemetry/sdk-node';

new NodeSDK({ serviceName: 'auto-instrumented', instrumentations: [new HttpInstrumentation()] }).start();
