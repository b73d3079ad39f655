/**
 * The mock identity providers' own pages: the login page where a developer picks a persona (a stand-in for
 * BankID or the MitID app), the logout confirmation, and the front-channel logout page that loads each
 * client's logout URL in a hidden frame before continuing.
 */
import type { Persona } from '../seed/personas.js';
import type { IdpKind } from './provider.js';

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
button{margin:.2rem 0;padding:.4rem .8rem;cursor:pointer}li{margin:.6rem 0}small{color:#555}</style>
</head><body>${body}</body></html>`;
}

export interface LoginPageInput {
  kind: IdpKind;
  uid: string;
  personas: Persona[];
  /** The assurance levels this provider can log in with; the first is preselected. */
  levels: readonly string[];
  error?: string;
}

/** One form per persona plus one for any synthetic national id; each posts `nationalId` and `level`. */
export function loginPage(input: LoginPageInput): string {
  const action = `/interaction/${encodeURIComponent(input.uid)}/login`;
  const idLabel = input.kind === 'idporten' ? 'Fødselsnummer (11 digits)' : 'CPR number (10 digits)';
  const levelSelect = `<select name="level">${input.levels
    .map((l) => `<option value="${escapeHtml(l)}">${escapeHtml(l)}</option>`)
    .join('')}</select>`;
  const personas = input.personas
    .map((p) => {
      const id = p.login.pid ?? p.login.cpr;
      const level = p.login.idp === 'idporten' ? p.login.acr : p.login.loa;
      return `<li><form method="post" action="${action}">
<input type="hidden" name="nationalId" value="${escapeHtml(id)}">
<input type="hidden" name="level" value="${escapeHtml(level)}">
<button type="submit">${escapeHtml(p.name)}</button> <small>${escapeHtml(p.key)} — ${escapeHtml(p.description)}</small>
</form></li>`;
    })
    .join('\n');
  const title = input.kind === 'idporten' ? 'Mock ID-porten' : 'Mock MitID';
  return page(
    title,
    `<h1>${title}</h1>
<p>A mock identity provider for local development. Pick a synthetic person from the seed.</p>
${input.error ? `<p role="alert"><strong>${escapeHtml(input.error)}</strong></p>` : ''}
<ul>${personas}</ul>
<h2>Someone else</h2>
<form method="post" action="${action}">
<label>${idLabel} <input name="nationalId" inputmode="numeric" autocomplete="off"></label>
<label>Level ${levelSelect}</label> <button type="submit">Log in</button>
</form>`,
  );
}

/** oidc-provider's logout confirmation, confirmed at once: the portals log the person out of the provider too. */
export function logoutPage(form: string): string {
  const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return page(
    'Logging out',
    `<h1>Logging out</h1>${confirmed}
<noscript><p>Press the button to log out.</p></noscript>
<button type="submit" form="op.logoutForm">Log out</button>
<script>document.forms[0].submit()</script>`,
  );
}

/** OpenID Connect Front-Channel Logout 1.0: every client's logout URL in a frame, then on to `next`. */
export function frontChannelLogoutPage(frames: readonly string[], next: string): string {
  const iframes = frames
    .map((src) => `<iframe src="${escapeHtml(src)}" style="display:none" title="logout"></iframe>`)
    .join('\n');
  return page(
    'Logged out',
    `<h1>You are logged out</h1>
${iframes}
<p><a id="continue" href="${escapeHtml(next)}">Continue</a></p>
<script>window.addEventListener('load', () => location.assign(document.getElementById('continue').href))</script>`,
  );
}
