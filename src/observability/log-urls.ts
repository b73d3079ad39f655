/**
 * URLs as the log may show them: the path and the names of query parameters, never what proves a right
 * or names a person — signed download and case-file links (whoever holds one may fetch the file until it
 * expires), and the values of query parameters (an OAuth `code` and `state`, a GraphQL GET's `variables`)
 * other than a few that are safe by nature. (An upload's id is no such proof: only its owner's login may
 * use it, and the audit trail names it.)
 */
const CAPABILITY_PATHS = /^(\/files\/(?:documents|cases)\/)[^/?#]+/;
/** Query parameters whose values are public by nature: a registered operation's id, its name, the login's provider. */
const SAFE_PARAMETERS = new Set(['documentId', 'operationName', 'idp']);

export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(CAPABILITY_PATHS, '$1[redacted]');
  if (queryAt === -1) return path;
  const query = new URLSearchParams(url.slice(queryAt + 1));
  const shown = [...query.entries()].map(
    ([name, value]) =>
      `${encodeURIComponent(name)}=${SAFE_PARAMETERS.has(name) ? encodeURIComponent(value) : '[redacted]'}`,
  );
  return `${path}?${shown.join('&')}`;
}

/** Fastify's request serializer, with the URL redacted. */
export function requestForLog(request: {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
}): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.hostname,
    remoteAddress: request.ip,
  };
}
