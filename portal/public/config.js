/* global window */
// Where the portal finds the gateway. Written per environment when the built portal is deployed (one build
// for every environment; see docs/deployment.md); `npm start` serves its own.
window.portalConfig = { graphUrl: 'http://localhost:4000' };
