import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Express } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Files the playground page loads, all from this installation's own packages: it works offline. */
const assets: Record<string, string> = {
  'react.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
};

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mini program platform graph — playground</title>
    <link rel="stylesheet" href="/playground/graphiql.css" />
    <style>html, body, #playground { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="playground">Loading the playground…</div>
    <script src="/playground/react.js"></script>
    <script src="/playground/react-dom.js"></script>
    <script src="/playground/graphiql.js"></script>
    <script src="/playground/start.js"></script>
  </body>
</html>
`;

/**
 * Queries and mutations over HTTP, subscriptions over graphql-ws on the same /graphql; the
 * headers editor (Authorization) is sent with both, so a Bearer token works for subscriptions too.
 */
const start = `
(function () {
  var http = location.origin + '/graphql';
  var ws = http.replace(/^http/, 'ws');
  var fetcher = GraphiQL.createFetcher({ url: http, subscriptionUrl: ws });
  var example = [
    '# Sign up, then put the token in the Headers tab:',
    '#   { "Authorization": "Bearer <token>" }',
    'mutation SignUp {',
    '  signUp(input: { email: "you@example.com", password: "a long password", displayName: "You" }) {',
    '    token',
    '    userErrors { field message code }',
    '  }',
    '}',
    '',
  ].join('\\n');
  ReactDOM.createRoot(document.getElementById('playground')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: example,
      defaultHeaders: '{}',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    }),
  );
})();
`;

/** Browsers ask for text/html; API clients (JSON) go on to GraphQL. */
function wantsPage(accept: string | undefined): boolean {
  return typeof accept === 'string' && accept.includes('text/html');
}

/** The GraphQL IDE at GET /graphql (browsers) and its assets under /playground; `/` redirects there. */
export function playgroundRoutes(app: Express): void {
  const security = {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  app.get('/', (_req, res) => res.redirect(302, '/graphql'));
  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req.headers.accept) || req.query.query !== undefined) return next();
    res.set({ ...security, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).send(page);
  });
  app.get('/playground/start.js', (_req, res) => {
    res.set({ ...security, 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }).send(start);
  });
  for (const [name, file] of Object.entries(assets)) {
    app.get(`/playground/${name}`, (_req, res) => {
      res.set({ ...security, 'cache-control': 'public, max-age=86400' }).sendFile(file);
    });
  }
}
