// The Accounts page, for a brand's administrators: the connected pages and X accounts, their
// public/private switches, disconnecting, and connecting more through the networks' own login
// (Facebook Login's code flow; X's OAuth 2.0 with PKCE). The codes come back to this page, which
// hands them to account-service; tokens never reach the browser.

import { showOnly } from './pages.js';

const PENDING = 'pending-login';

/** Base64url without padding, as OAuth's PKCE and state values are written. */
const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${location.origin}${location.pathname}`;

export function accountsPage({ api, el, icon, $ }) {
  const section = $('accounts');
  const message = (text, kind = 'info') => {
    const box = $('accounts-message');
    box.textContent = text;
    box.className = `message-line ${kind}`;
  };

  async function render() {
    // Which tokens a network refused comes from outbound; the page works without it.
    const [accounts, refused] = await Promise.all([
      api('/api/accounts'),
      api('/api/outbound/accounts/reauthorisations').catch(() => []),
    ]);
    const flags = new Map(refused.map((flag) => [flag.accountId, flag]));
    section.replaceChildren(
      el('header', {},
        el('h2', { text: 'Connected accounts' }),
        el('button', { type: 'button', class: 'primary', 'data-test': 'connect-facebook', text: 'Connect a Facebook page', onclick: () => login('facebook') }),
        el('button', { type: 'button', class: 'primary', 'data-test': 'connect-x', text: 'Connect an X account', onclick: () => login('x') }),
        el('button', { type: 'button', 'data-test': 'close-accounts', text: 'Back to conversations', onclick: close })),
      el('p', { id: 'accounts-message', class: 'message-line', role: 'status', 'aria-live': 'polite', 'data-test': 'accounts-message' }),
      el('table', { class: 'accounts-table' },
        el('thead', {}, el('tr', {}, ['', 'Account', 'Network id', 'Public', 'Private', 'Credential', ''].map((h) => el('th', { text: h })))),
        el('tbody', {}, accounts.map((account) => row(account, flags.get(account.id))))));
  }

  function row(account, refusal) {
    const name = account.channel === 'FACEBOOK' ? account.pageName : `@${account.handle}`;
    const toggle = (field, label) => el('input', {
      type: 'checkbox', checked: account[field], 'aria-label': `${label} messages from ${account.displayName}`,
      'data-test': `${field}-${account.id}`,
      onchange: async (event) => {
        event.target.disabled = true;
        try {
          await api(`/api/accounts/${account.id}`, { method: 'PATCH', body: { [field]: event.target.checked } });
          message(`${account.displayName}: ${label.toLowerCase()} messages ${event.target.checked ? 'on' : 'off'}`);
        } catch (error) {
          event.target.checked = !event.target.checked;
          message(error.message, 'error');
        } finally {
          event.target.disabled = false;
        }
      },
    });
    return el('tr', { 'data-test': `account-${account.id}` },
      el('td', {}, icon(account.channel)),
      el('td', {}, el('strong', { text: account.displayName }), el('div', { class: 'hint', text: name ?? '' })),
      el('td', { text: account.externalId }),
      el('td', {}, toggle('receivePublic', 'Public')),
      el('td', {}, toggle('receivePrivate', 'Private')),
      el('td', {}, refusal
        ? el('span', { class: 'needs-reauthorisation', 'data-test': `reauthorise-${account.id}`, title: refusal.reason,
          text: `Needs re-authorisation since ${new Date(refusal.since).toLocaleString()}: connect it again` })
        : el('span', { class: 'hint', text: `Sealed (key ${account.credentialKey}), renewed ${new Date(account.updatedAt).toLocaleDateString()}` })),
      el('td', {}, el('button', {
        type: 'button', 'data-test': `disconnect-${account.id}`, text: 'Disconnect',
        onclick: async () => {
          if (!confirm(`Disconnect ${account.displayName}? Its messages stop arriving and replies stop going out.`)) return;
          await api(`/api/accounts/${account.id}`, { method: 'DELETE' });
          await render();
          message(`${account.displayName} disconnected`);
        },
      })));
  }

  /** Off to the network's login page; it sends the administrator back here with a code. */
  async function login(network) {
    const options = await api('/api/accounts/login-options');
    const option = options[network];
    const pending = { network, state: random() };
    const url = new URL(option.url);
    url.searchParams.set('client_id', option.clientId);
    url.searchParams.set('redirect_uri', redirectUri());
    url.searchParams.set('state', pending.state);
    url.searchParams.set('scope', option.scope);
    url.searchParams.set('response_type', 'code');
    if (network === 'x') {
      pending.verifier = random();
      const challenge = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier));
      url.searchParams.set('code_challenge', base64url(challenge));
      url.searchParams.set('code_challenge_method', 'S256');
    }
    sessionStorage.setItem(PENDING, JSON.stringify(pending));
    location.assign(url);
  }

  /** Back from a login page: hand the code to account-service, if this page sent them there. */
  async function completeLogin() {
    const params = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    if (!pending || !(params.has('code') || params.has('error'))) return false;
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', location.pathname);
    await open();
    if (params.get('state') !== pending.state) {
      message('That login was not started here; nothing was connected.', 'error');
    } else if (params.has('error')) {
      message('Nothing was connected: the login was cancelled.', 'error');
    } else {
      try {
        const body = { code: params.get('code'), redirectUri: redirectUri() };
        if (pending.network === 'x') body.codeVerifier = pending.verifier;
        const connected = await api(`/api/accounts/${pending.network}`, { method: 'POST', body });
        await render();
        const names = [connected].flat().map((a) => a.displayName).join(', ');
        message(`Connected: ${names}`);
      } catch (error) {
        message(error.message, 'error');
      }
    }
    return true;
  }

  async function open() {
    showOnly('accounts');
    await render();
  }

  const close = () => showOnly(null);

  return { open, completeLogin };
}
