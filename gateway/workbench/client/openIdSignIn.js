// @ts-check
import * as oauth from 'oauth4webapi';
import { h, replaceChildren } from './dom.js';
import { PUBLIC_SESSION, tokenExpired } from './session.js';

/** @typedef {import('./session.js').SessionStore} SessionStore */
/** @typedef {{ issuer: string, clientId: string, scope: string }} OpenIdSettings */

/** What the sign-in must remember across the round trip to the provider, in this tab only. */
const PENDING_KEY = 'govgraph.workbench.openid';

/**
 * Production sign-in: OpenID Connect authorization code with PKCE (S256) at the gateway's
 * identity provider, as a public client. The state and nonce are checked on the way back, the
 * code is exchanged in the page, and the access token is kept in this tab's session only.
 * @param {HTMLElement} container
 * @param {OpenIdSettings} settings
 * @param {SessionStore} session
 * @param {string} redirectUri where the provider sends the browser back: this page
 */
export async function mountOpenIdSignIn(container, settings, session, redirectUri) {
  const status = h('span', { class: 'wb-status', id: 'wb-sign-in-status', role: 'status' });
  const render = () => {
    const signedIn = session.get().token !== null;
    replaceChildren(
      container,
      h('span', { id: 'wb-who' }, `Signed in as ${session.get().who}`),
      signedIn
        ? h(
            'button',
            { type: 'button', id: 'wb-sign-out', onclick: () => signOut(session) },
            'Sign out',
          )
        : h(
            'button',
            {
              type: 'button',
              id: 'wb-sign-in',
              onclick: () =>
                startSignIn(settings, redirectUri).catch((error) => {
                  status.textContent = `Sign-in failed: ${error.message}`;
                }),
            },
            'Sign in',
          ),
      status,
    );
  };
  session.subscribe(render);
  if (tokenExpired(session.get(), Date.now())) {
    signOut(session);
    status.textContent = 'Your sign-in has expired: sign in again.';
  }
  render();
  try {
    await finishSignIn(settings, session, redirectUri);
  } catch (error) {
    status.textContent = `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * @param {OpenIdSettings} settings
 * @returns {Promise<oauth.AuthorizationServer>}
 */
async function discover(settings) {
  const issuer = new URL(settings.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    // Plain http only for a provider on this machine (development and tests).
    [oauth.allowInsecureRequests]: isLoopback(issuer),
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** @param {URL} url */
function isLoopback(url) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * @param {OpenIdSettings} settings
 * @param {string} redirectUri
 */
async function startSignIn(settings, redirectUri) {
  const server = await discover(settings);
  if (!server.authorization_endpoint)
    throw new Error('the provider names no authorization endpoint');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const pending = {
    codeVerifier,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: settings.scope,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  }).toString();
  location.assign(url.toString());
}

/**
 * Completes a sign-in when the provider has sent the browser back with a code (or an error).
 * @param {OpenIdSettings} settings
 * @param {SessionStore} session
 * @param {string} redirectUri
 */
async function finishSignIn(settings, session, redirectUri) {
  const here = new URL(location.href);
  if (!here.searchParams.has('state')) return;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  // The code and state leave the address bar (and the history) whatever happens next.
  history.replaceState(null, '', here.pathname);
  if (!pending) throw new Error('this tab did not start a sign-in');
  const server = await discover(settings);
  const client = { client_id: settings.clientId };
  const parameters = oauth.validateAuthResponse(server, client, here.searchParams, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    parameters,
    redirectUri,
    pending.codeVerifier,
    { [oauth.allowInsecureRequests]: isLoopback(new URL(settings.issuer)) },
  );
  const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  const identity = oauth.getValidatedIdTokenClaims(tokens);
  const claims = accessTokenClaims(tokens.access_token);
  const name = typeof identity?.name === 'string' ? identity.name : String(identity?.sub ?? '');
  session.update({
    token: tokens.access_token,
    who: name,
    persona: null,
    organisation: typeof claims.org === 'string' ? claims.org : null,
    purpose: null,
    expiresAt:
      typeof tokens.expires_in === 'number'
        ? new Date(Date.now() + tokens.expires_in * 1000).toISOString()
        : null,
  });
}

/**
 * What the access token says of its holder, for display and the purpose list only: the
 * gateway verifies the token itself on every request.
 * @param {string} token
 * @returns {Record<string, unknown>}
 */
function accessTokenClaims(token) {
  try {
    const payload = token.split('.')[1] ?? '';
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return {};
  }
}

/** @param {SessionStore} session */
function signOut(session) {
  session.update({ ...PUBLIC_SESSION, persona: null, caseId: session.get().caseId });
}
