/**
 * Exploring the graph in development: Apollo Sandbox at /graphql (it loads from Apollo's CDN), and for a
 * machine without that CDN an explorer served by the gateway itself (/explorer) and the schema as SDL
 * (/schema.graphql). None of it exists in production.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { FastifyInstance } from 'fastify';
import { printSchema, type GraphQLSchema } from 'graphql';

/** What Apollo's page says when Sandbox does not load; replaced by how to explore without it. */
const APOLLO_FALLBACK = /<h1>Welcome to Apollo Server<\/h1>\s*<p>Apollo Sandbox cannot be loaded;[^<]*<\/p>/;

export const OFFLINE_HELP = `<h1>The health-complaints graph</h1>
  <p>Apollo Sandbox, the explorer shown here, loads from Apollo's CDN, which this browser cannot reach.
  Explore the graph without it:</p>
  <ul>
    <li><a href="/explorer">/explorer</a>: an explorer served by the gateway itself (queries, mutations,
      the schema; your session cookie goes along).</li>
    <li><a href="/auth/login?returnTo=/explorer">Log in as a persona</a> first (or
      <a href="/auth/login?idp=mitid&amp;returnTo=/explorer">with MitID</a>).</li>
    <li><a href="/schema.graphql">/schema.graphql</a>: the schema with every description.</li>
    <li>curl: the README's examples (POST /graphql with a bearer token; live updates from /graphql/stream).</li>
  </ul>`;

/** Apollo's Sandbox page, whose offline fallback says how to explore the graph without Apollo's CDN. */
export function sandboxLandingPage<T extends object>(): ApolloServerPlugin<T> {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      if (!listener?.renderLandingPage) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await listener.renderLandingPage!();
          const original = page.html;
          return {
            html: async () =>
              (typeof original === 'string' ? original : await original()).replace(
                APOLLO_FALLBACK,
                OFFLINE_HELP,
              ),
          };
        },
      };
    },
  };
}

const EXPLORER = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Explorer · the health-complaints graph</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 1fr; height: 100vh; }
  section { display: flex; flex-direction: column; padding: 12px; gap: 8px; min-height: 0; }
  textarea, pre, input { font: 13px/1.4 ui-monospace, monospace; border: 1px solid #bbb; border-radius: 4px; padding: 8px; }
  textarea { resize: none; }
  #query { flex: 3; } #variables { flex: 1; }
  pre { flex: 1; overflow: auto; margin: 0; white-space: pre-wrap; }
  header { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  button { font: inherit; padding: 6px 16px; }
</style>
</head>
<body>
<section>
  <header>
    <strong>Explorer</strong>
    <button id="run" type="button">Run (Ctrl+Enter)</button>
    <a href="/auth/login?returnTo=/explorer">Log in</a>
    <a href="/auth/login?idp=mitid&amp;returnTo=/explorer">with MitID</a>
    <label>Accept-Language <input id="lang" size="4" value="nb"></label>
  </header>
  <label for="query">Operation</label>
  <textarea id="query" spellcheck="false">{
  viewer { country identityProvider assuranceLevel }
  cases(first: 10) {
    totalCount
    agencyStatuses { agency { code } status message }
    nodes { id title statusLabel timeline { label state } }
  }
}</textarea>
  <label for="variables">Variables (JSON)</label>
  <textarea id="variables" spellcheck="false">{}</textarea>
  <label for="token">Bearer token (empty: the session cookie)</label>
  <input id="token" autocomplete="off">
</section>
<section>
  <label for="result">Answer</label>
  <pre id="result" aria-live="polite"></pre>
  <label for="schema">Schema</label>
  <pre id="schema"></pre>
</section>
<script>
  const $ = (id) => document.getElementById(id);
  async function run() {
    let variables;
    try { variables = JSON.parse($('variables').value || '{}'); }
    catch (error) { $('result').textContent = 'The variables are not JSON: ' + error.message; return; }
    const headers = { 'content-type': 'application/json', 'accept-language': $('lang').value };
    if ($('token').value.trim()) headers.authorization = 'Bearer ' + $('token').value.trim();
    $('result').textContent = '…';
    try {
      const response = await fetch('/graphql', {
        method: 'POST', credentials: 'same-origin', headers,
        body: JSON.stringify({ query: $('query').value, variables }),
      });
      $('result').textContent = response.status + '\\n' + JSON.stringify(await response.json(), null, 2);
    } catch (error) {
      $('result').textContent = 'No answer: ' + error.message;
    }
  }
  $('run').addEventListener('click', run);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run();
  });
  fetch('/schema.graphql').then((r) => r.text()).then((sdl) => { $('schema').textContent = sdl; });
</script>
</body>
</html>
`;

/** Development only: the schema as SDL, and the explorer that needs nothing from outside this gateway. */
export function registerOfflineExplorer(app: FastifyInstance, schema: GraphQLSchema): void {
  const sdl = printSchema(schema);
  app.get('/schema.graphql', async (_request, reply) => reply.type('text/plain; charset=utf-8').send(sdl));
  app.get('/explorer', async (_request, reply) => reply.type('text/html; charset=utf-8').send(EXPLORER));
}
