// The agents' workspace: conversations from Facebook and Twitter/X, live, with Public/Private
// indicators, the reply toggle, the Public-to-Private link and the social widget.
// Every consumer text is set with textContent: it is never parsed as HTML.
import { accountsPage } from './accounts.js';
import { postsPage } from './posts.js';
import { insightsPage } from './insights.js';

const state = { session: null, conversations: [], current: null, seen: {}, profile: null, chosenMode: null, agents: [] };
const $ = (id) => document.getElementById(id);

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'for' || key === 'role') node.setAttribute(key, value);
    else node[key] = value;
  }
  nodes(...children).forEach((c) => node.append(c));
  return node;
};

/** Only the nodes, for calls that take children directly (replaceChildren renders false as text). */
const nodes = (...children) => children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);

const CHANNEL = { FACEBOOK: { letter: 'f', name: 'Facebook' }, TWITTER: { letter: '𝕏', name: 'Twitter/X' } };
const icon = (channel) => el('span', { class: `icon ${channel}`, role: 'img', 'aria-label': CHANNEL[channel].name, text: CHANNEL[channel].letter });
const when = (iso) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
const ACTIONS = { POSTED: 'posted', COMMENTED: 'commented', REPLIED: 'replied', MESSAGED: 'sent a message' };
const MODES = { PUBLIC: 'Public', PRIVATE: 'Private', PRIVATE_RESPONSE: 'Private Response' };
const STATUS = { PENDING: 'Sending…', SENT: 'Sent', FAILED: 'Failed', DELIVERY_UNKNOWN: 'Delivery unknown' };
const PERSONAL_DATA = { EMAIL: 'email address', PHONE: 'phone number', PAYMENT_CARD: 'card number', IBAN: 'bank account number', ORDER_NUMBER: 'order number' };
const personalDataWords = (kinds) => kinds.map((kind) => PERSONAL_DATA[kind] || kind.toLowerCase()).join(', ');

// --- API -------------------------------------------------------------------------------------

async function api(path, options = {}) {
  const headers = { Authorization: `Bearer ${state.session.token}`, ...(options.headers || {}) };
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers, body: options.body && JSON.stringify(options.body) });
  if (response.status === 401) { signOut(); throw new Error('Signed out'); }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(json.message || `HTTP ${response.status}`), { status: response.status, error: json.error });
  return json;
}

// --- Sign-in ---------------------------------------------------------------------------------

async function showSignIn() {
  $('workspace').hidden = true;
  $('sign-in').hidden = false;
  const agents = await fetch('/auth/demo-agents').then((r) => r.json());
  $('demo-agents').replaceChildren(...agents.map((agent) => el('button', {
    type: 'button', class: 'primary', 'data-test': `sign-in-${agent.agentId}`,
    text: `Sign in as ${agent.agentId} (${agent.brandId}${agent.admin ? ', administrator' : ''})`,
    onclick: async () => {
      const session = await fetch('/auth/sign-in', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agentId: agent.agentId }),
      }).then((r) => r.json());
      sessionStorage.setItem('session', JSON.stringify(session));
      start(session);
    },
  })));
}

function signOut() {
  sessionStorage.removeItem('session');
  location.reload();
}

// --- Conversation list -----------------------------------------------------------------------

async function loadConversations() {
  const params = new URLSearchParams({ limit: '100', view: $('filter-view').value, sort: $('filter-sort').value });
  if ($('filter-status').value) params.set('status', $('filter-status').value);
  if ($('filter-channel').value) params.set('channel', $('filter-channel').value);
  const page = await api(`/api/conversations?${params}`);
  state.conversations = page.items;
  renderConversations();
}

function renderConversations() {
  $('conversations').replaceChildren(...state.conversations.map((c) => {
    const unread = c.id !== state.current?.id && (!state.seen[c.id] || state.seen[c.id] < c.updatedAt);
    return el('li', { class: unread ? 'unread' : '' }, el('button', {
      type: 'button', 'data-test': `conversation-${c.consumer.id}`, 'aria-current': String(c.id === state.current?.id),
      'aria-label': `${CHANNEL[c.channel].name} conversation with ${c.consumer.name || c.consumer.id}${unread ? ', unread' : ''}`,
      onclick: () => openConversation(c.id),
    },
    icon(c.channel),
    el('span', { class: 'name', text: c.consumer.name || c.consumer.id }),
    el('span', { class: 'time', text: c.lastMessage ? when(c.lastMessage.occurredAt) : '' }),
    el('span', { class: 'last', text: c.lastMessage ? `${c.lastMessage.visibility === 'PUBLIC' ? 'Public' : 'Private'}: ${c.lastMessage.text ?? '(attachment)'}` : '' }),
    el('span', { class: 'owner', 'data-test': 'assignee', text: owner(c.assigneeId) }),
    c.status === 'OPEN' && due(c.responseDue)));
  }));
}

// --- Queue: who owns a conversation, and when its answer is due ------------------------------

const owner = (assigneeId) => !assigneeId ? 'Unassigned' : assigneeId === state.session.agentId ? 'Mine' : agentName(assigneeId);
const agentName = (id) => state.agents.find((a) => a.id === id)?.name ?? id;

/** How long until the answer is due, or how late it is; counted down as the agent watches. */
function dueText(responseDue) {
  const seconds = Math.round((new Date(responseDue.dueAt) - Date.now()) / 1000);
  const span = (s) => {
    const m = Math.round(s / 60);
    return s < 120 ? `${s} s` : m >= 120 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
  };
  const what = responseDue.first ? 'First response' : 'Response';
  return seconds < 0 ? `${what} overdue by ${span(-seconds)}` : `${what} due in ${span(seconds)}`;
}

function due(responseDue) {
  if (!responseDue) return null;
  const late = new Date(responseDue.dueAt) < Date.now();
  return el('span', { class: `due${late ? ' overdue' : ''}`, 'data-test': 'response-due', 'data-due': responseDue.dueAt,
    'data-first': String(responseDue.first), text: dueText(responseDue), title: `Due ${when(responseDue.dueAt)}` });
}

/** The countdowns move on without a reload. */
function tickCountdowns() {
  document.querySelectorAll('[data-test="response-due"]').forEach((node) => {
    const responseDue = { dueAt: node.dataset.due, first: node.dataset.first === 'true' };
    node.textContent = dueText(responseDue);
    node.classList.toggle('overdue', new Date(responseDue.dueAt) < Date.now());
  });
}

async function loadAgents() {
  state.agents = await api('/api/agents').catch(() => state.agents);
}

function queueMessage(text) {
  $('queue-message').textContent = text;
}

async function takeNext() {
  queueMessage('');
  const response = await fetch('/api/conversations/next', { method: 'POST', headers: { Authorization: `Bearer ${state.session.token}` } });
  if (response.status === 204) { queueMessage('Nobody is waiting.'); return; }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) { queueMessage(json.message || `HTTP ${response.status}`); return; }
  await loadConversations();
  await openConversation(json.id);
}

/** Take (assigneeId: me), assign or transfer; null puts it back in the queue. */
async function assign(assigneeId) {
  const c = state.current;
  $('assign-error').textContent = '';
  try {
    if (assigneeId) await api(`/api/conversations/${c.id}/assignee`, { method: 'PUT', body: { agentId: assigneeId } });
    else await api(`/api/conversations/${c.id}/assignee`, { method: 'DELETE' });
  } catch (error) {
    $('assign-error').textContent = error.message;
  }
  await Promise.all([refreshDetail(c), loadConversations(), loadAgents()]);
}

/** The owner, with what this agent may do about it: take, put back, or give it to a colleague. */
function ownership(c) {
  if (c.status !== 'OPEN') return null;
  const me = state.session.agentId;
  const mayChange = !c.assigneeId || c.assigneeId === me || state.session.admin;
  const colleagues = state.agents.filter((a) => a.id !== c.assigneeId);
  return el('div', { class: 'ownership' },
    el('span', { class: 'owner', 'data-test': 'conversation-assignee', text: owner(c.assigneeId) }),
    c.assigneeId !== me && el('button', { type: 'button', 'data-test': 'take', text: 'Take', disabled: !mayChange,
      title: mayChange ? '' : `${agentName(c.assigneeId)} has it: they or a supervisor can pass it on`, onclick: () => assign(me) }),
    c.assigneeId && mayChange && el('button', { type: 'button', 'data-test': 'unassign', text: 'Put back', onclick: () => assign(null) }),
    mayChange && colleagues.length > 0 && el('select', { 'aria-label': 'Assign to', 'data-test': 'assign-to',
      onchange: (event) => event.target.value && assign(event.target.value) },
    el('option', { value: '', text: c.assigneeId ? 'Transfer to…' : 'Assign to…' }),
    colleagues.map((a) => el('option', { value: a.id, text: `${a.name}${a.active ? '' : ' (away)'} · ${a.openAssigned} open` }))),
    due(c.responseDue),
    el('span', { id: 'assign-error', class: 'error', role: 'alert', 'data-test': 'assign-error' }));
}

// --- Transcript and reply box ----------------------------------------------------------------

/** Messages per transcript page: the newest page on opening, older ones as the agent scrolls up. */
const PAGE = 50;

async function openConversation(id) {
  const [detail, page] = await Promise.all([api(`/api/conversations/${id}`), api(`/api/conversations/${id}/messages?limit=${PAGE}`)]);
  const switching = state.current?.id !== id;
  state.current = { ...detail, messages: page.items, olderCursor: page.olderCursor };
  markSeen(detail);
  renderConversations();
  renderConversation(switching);
  if (switching) loadWidget();
}

function markSeen(detail) {
  state.seen[detail.id] = detail.updatedAt;
  localStorage.setItem(`seen:${state.session.agentId}`, JSON.stringify(state.seen));
}

/** The page before the oldest message shown, kept in place on the screen. */
async function loadOlder() {
  const c = state.current;
  if (!c?.olderCursor || c.loadingOlder) return;
  c.loadingOlder = true;
  try {
    const page = await api(`/api/conversations/${c.id}/messages?limit=${PAGE}&before=${encodeURIComponent(c.olderCursor)}`);
    if (state.current !== c) return;
    c.messages = [...page.items, ...c.messages];
    c.olderCursor = page.olderCursor;
    renderConversation(false, { keepBottomDistance: true });
  } finally {
    c.loadingOlder = false;
  }
}

/** A message as the server now shows it, in its place by time; one before the loaded pages waits for them. */
function upsertMessage(c, message) {
  const messages = c.messages;
  const at = messages.findIndex((m) => m.id === message.id);
  if (at >= 0) {
    messages[at] = message;
    return true;
  }
  if (c.olderCursor && messages.length && message.occurredAt < messages[0].occurredAt) return false;
  let index = messages.length;
  while (index > 0 && messages[index - 1].occurredAt > message.occurredAt) index--;
  messages.splice(index, 0, message);
  return true;
}

function indicator(m, conversation) {
  if (m.direction === 'INBOUND') {
    return el('div', { class: 'indicator', 'data-test': 'indicator' },
      icon(m.channel),
      el('span', { class: `vis ${m.visibility}`, text: m.visibility === 'PUBLIC' ? 'Public' : 'Private' }),
      el('span', { text: m.author?.name || conversation.consumer.name || m.author?.id }),
      el('span', { text: ACTIONS[m.action] || m.action?.toLowerCase() }),
      el('time', { dateTime: m.occurredAt, text: when(m.occurredAt) }),
      m.edited && el('span', { text: '· edited' }),
      m.hidden && el('span', { text: '· hidden on the network' }));
  }
  return el('div', { class: 'indicator', 'data-test': 'delivery' },
    el('span', { class: `vis ${m.visibility}`, text: MODES[m.replyMode] || (m.visibility === 'PUBLIC' ? 'Public' : 'Private') }),
    el('span', { text: m.author?.name || 'Agent' }),
    // Someone at the brand answered from the network's own tools: no one here needs to answer again.
    m.sentOutside && el('span', { class: 'outside', 'data-test': 'sent-outside', text: 'sent outside the workspace' }),
    el('time', { dateTime: m.occurredAt, text: when(m.occurredAt) }),
    el('span', { class: `status ${m.deliveryStatus}`, 'data-test': 'delivery-status', text: STATUS[m.deliveryStatus] || m.deliveryStatus }),
    m.failureReason && el('span', { class: 'status FAILED', 'data-test': 'failure-reason', text: m.failureReason }));
}

function messageView(m, conversation) {
  const previous = m.previousVersions?.length
    ? el('details', {}, el('summary', { text: 'Earlier versions' }), ...m.previousVersions.map((v) => el('div', { class: 'bubble', text: v.text })))
    : null;
  const deletedByBrand = m.moderation?.action === 'DELETE' && m.moderation.status === 'SENT';
  return el('article', { class: `message ${m.direction}${m.deleted ? ' deleted' : ''}`, 'data-test': `message-${m.direction}`, 'data-id': m.id },
    el('div', { class: 'bubble', text: m.deleted ? (deletedByBrand ? `Deleted by ${m.moderation.agentId}` : 'Deleted by the consumer') : (m.text ?? '(attachment)') }),
    previous, indicator(m, conversation), personalDataFlag(m, conversation), moderationBar(m, conversation));
}

/** A consumer's public message that shows personal data: said so, with the hide one click away. */
function personalDataFlag(m, conversation) {
  if (!m.personalData?.length) return null;
  const hideable = moderationActions(m).includes('HIDE');
  return el('div', { class: 'personal-data', 'data-test': 'personal-data' },
    el('span', { text: `Contains personal data: ${personalDataWords(m.personalData)}` }),
    hideable && el('button', { type: 'button', class: 'link', 'data-test': 'hide-personal-data', text: 'Hide it from the public',
      disabled: m.moderation?.status === 'PENDING', onclick: () => moderate(conversation, m, 'HIDE') }));
}

// --- Moderation: hide, unhide, delete or like a consumer's public item -----------------------

const MODERATION = {
  HIDE: { label: 'Hide', doing: 'Hiding…', done: 'Hidden', failed: 'Hiding failed' },
  UNHIDE: { label: 'Unhide', doing: 'Showing again…', done: 'Shown again', failed: 'Unhiding failed' },
  DELETE: { label: 'Delete', doing: 'Deleting…', done: 'Deleted', failed: 'Deleting failed' },
  LIKE: { label: 'Like', doing: 'Liking…', done: 'Liked', failed: 'Liking failed' },
};

/** What the networks let the brand do to this item now (the server checks again). */
function moderationActions(m) {
  if (m.direction !== 'INBOUND' || m.visibility !== 'PUBLIC' || !m.platformId || m.deleted) return [];
  const facebookComment = m.channel === 'FACEBOOK' && m.kind === 'COMMENT';
  return [
    facebookComment && !m.hidden && 'HIDE',
    facebookComment && m.hidden && 'UNHIDE',
    !m.liked && 'LIKE',
    m.channel === 'FACEBOOK' && 'DELETE',
  ].filter(Boolean);
}

function moderationBar(m, conversation) {
  const latest = m.moderation;
  const words = latest && MODERATION[latest.action];
  const status = latest && el('span', { class: `moderation-status ${latest.status}`, 'data-test': 'moderation-status',
    text: latest.status === 'PENDING' ? words.doing
      : latest.status === 'SENT' ? `${words.done} by ${latest.agentId}`
        : `${words.failed}${latest.failureReason ? `: ${latest.failureReason}` : ''}` });
  // A comment showing personal data offers its hide in the flag above.
  const offered = moderationActions(m).filter((action) => !(action === 'HIDE' && m.personalData?.length));
  const actions = offered.map((action) => el('button', { type: 'button', class: 'link',
    'data-test': `moderate-${action}`, text: MODERATION[action].label, disabled: latest?.status === 'PENDING',
    onclick: () => moderate(conversation, m, action) }));
  if (!status && !actions.length && !m.liked) return null;
  return el('div', { class: 'moderation', 'data-test': 'moderation' },
    m.liked && el('span', { class: 'liked', text: '♥ Liked' }), status, actions,
    m.moderationError && el('span', { class: 'moderation-status FAILED', role: 'alert', 'data-test': 'moderation-error', text: m.moderationError }));
}

async function moderate(conversation, m, action) {
  if (action === 'DELETE' && !confirm('Delete this item on the network? This cannot be undone.')) return;
  try {
    await api(`/api/conversations/${conversation.id}/messages/${m.id}/moderation`, {
      method: 'POST', body: { action }, headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    const message = await api(`/api/conversations/${conversation.id}/messages/${m.id}`);
    if (state.current === conversation && upsertMessage(conversation, message)) renderConversation(false);
  } catch (error) {
    m.moderationError = error.message;
    if (state.current === conversation) renderConversation(false);
  }
}

function renderConversation(switching, { keepBottomDistance = false } = {}) {
  const c = state.current;
  // A live update must not take away what the agent is writing, or the mode they chose, nor move
  // what they are reading further up the transcript.
  const draft = switching ? '' : ($('reply-text')?.value ?? '');
  const confirmed = !switching && Boolean($('confirm-personal-data')?.checked);
  if (switching) state.chosenMode = null;
  const chosen = state.chosenMode;
  const writing = !switching && document.activeElement?.id === 'reply-text';
  const before = document.querySelector('[data-test="transcript"]');
  const fromBottom = before ? before.scrollHeight - before.scrollTop : 0;
  const atBottom = !before || fromBottom - before.clientHeight < 40;
  const older = c.olderCursor && el('button', { type: 'button', class: 'older', 'data-test': 'load-older', text: 'Earlier messages', onclick: loadOlder });
  const transcript = el('div', { class: 'transcript', 'data-test': 'transcript' }, older, c.messages.map((m) => messageView(m, c)));
  transcript.onscroll = () => { if (transcript.scrollTop < 80) loadOlder(); };
  $('conversation').replaceChildren(
    el('header', {}, icon(c.channel), el('h2', { text: c.consumer.name || c.consumer.id }),
      c.accountName && el('span', { class: 'via', 'data-test': 'conversation-account', text: `via ${c.accountName}` }),
      el('span', { class: 'hint', text: c.status === 'CLOSED' ? 'Closed' : '' }),
      c.status === 'OPEN' && el('button', { type: 'button', 'data-test': 'close-conversation', text: 'Close conversation', onclick: closeConversation })),
    ownership(c),
    transcript,
    c.status === 'OPEN' ? replyBox(c, draft, chosen, confirmed) : el('p', { class: 'hint reply', text: 'Closed: the consumer\'s next message reopens it to the queue.' }));
  if (keepBottomDistance || (!switching && !atBottom)) transcript.scrollTop = transcript.scrollHeight - fromBottom;
  else transcript.scrollTop = transcript.scrollHeight;
  if (c.status === 'OPEN') askDraft();
  if (writing) $('reply-text').focus();
}

function hoursLeft(until) {
  const hours = Math.max(0, Math.round((new Date(until) - Date.now()) / 36e5));
  return hours >= 48 ? `open ${Math.round(hours / 24)} more days` : `open ${hours} more h`;
}

/**
 * The mode the agent chose for this reply if it is still open, else the server's suggestion (a
 * private answer to a public message showing personal data), else the consumer's last visibility
 * (so a new private message turns an untouched toggle to Private), else any open one.
 */
function replyBox(c, draft, chosen, confirmed) {
  const open = (mode) => c.replyModes.some((m) => m.mode === mode && m.available);
  const selected = [chosen, c.suggestion?.mode, c.defaultReplyMode].find((mode) => mode && open(mode))
    ?? c.replyModes.find((m) => m.available)?.mode;
  const modes = el('fieldset', { class: 'modes' }, el('legend', { class: 'hint', text: 'Reply as' }),
    c.replyModes.map((m) => el('label', { class: m.available ? '' : 'unavailable', title: m.reason || '' },
      el('input', { type: 'radio', name: 'mode', value: m.mode, checked: m.mode === selected, disabled: !m.available,
        'data-test': `mode-${m.mode}`, onchange: () => { state.chosenMode = m.mode; checkDraft(); } }),
      MODES[m.mode],
      m.available && m.availableUntil && el('span', { class: 'until', text: `(${hoursLeft(m.availableUntil)})` }),
      !m.available && el('span', { class: 'until', text: `— ${m.reason}` }))));
  const text = el('textarea', { id: 'reply-text', 'aria-label': 'Reply', 'data-test': 'reply-text', value: draft, oninput: checkDraft });
  const suggestion = c.suggestion && el('p', { class: 'suggestion', 'data-test': 'reply-suggestion', text: c.suggestion.reason });
  const warning = el('div', { id: 'personal-data-warning', class: 'warning', role: 'status', 'data-test': 'personal-data-warning', hidden: true },
    el('span', { id: 'personal-data-kinds' }),
    el('label', {}, el('input', { type: 'checkbox', id: 'confirm-personal-data', 'data-test': 'confirm-personal-data', checked: confirmed }), ' It may be public: send it anyway'));
  return el('form', { class: 'reply', onsubmit: sendReply },
    suggestion, modes, text, warning,
    el('div', { class: 'row' },
      el('button', { type: 'button', 'data-test': 'public-to-private', text: 'Public to Private', title: `Insert the link that opens a private conversation with ${c.accountName ?? 'the brand'}`, onclick: insertLink }),
      el('span', { id: 'reply-count', class: 'count', 'aria-live': 'polite', 'data-test': 'reply-count' }),
      el('span', { id: 'reply-error', class: 'error', role: 'alert', 'data-test': 'reply-error' }),
      el('button', { type: 'submit', class: 'primary send', 'data-test': 'send', text: 'Send' })));
}

const currentMode = () => document.querySelector('input[name="mode"]:checked')?.value;

// The draft is measured by the server, with the same rules that will accept or refuse the reply
// (Twitter/X's own weighted length, the personal-data guard): one implementation, so the counter
// and the server cannot disagree. Asked a moment after the last keystroke; a late answer to an
// older draft never overwrites a newer one.
const draftCheck = { timer: null, asked: 0 };

function checkDraft() {
  clearTimeout(draftCheck.timer);
  draftCheck.timer = setTimeout(askDraft, 120);
}

async function askDraft() {
  const c = state.current;
  const text = $('reply-text')?.value.trim();
  const mode = currentMode();
  const asked = ++draftCheck.asked;
  const check = text && mode
    ? await api(`/api/conversations/${c.id}/replies/check`, { method: 'POST', body: { text, mode } }).catch(() => null)
    : null;
  if (asked === draftCheck.asked && state.current === c) showDraftCheck(check);
}

function showDraftCheck(check) {
  const count = $('reply-count');
  const warning = $('personal-data-warning');
  if (!count) return;
  count.textContent = !check ? ''
    : check.weighted ? `${check.length} / ${check.limit}${check.withMention ? ' with the mention' : ''}` : `${check.length} / ${check.limit} characters`;
  count.title = check?.problem ?? '';
  count.classList.toggle('over', Boolean(check?.problem));
  const exposed = check?.personalData?.length > 0;
  warning.hidden = !exposed;
  if (exposed) $('personal-data-kinds').textContent = `This public reply would publish personal data: ${personalDataWords(check.personalData)}.`;
  else $('confirm-personal-data').checked = false;
}

async function insertLink() {
  const link = await api(`/api/outbound/accounts/${state.current.accountId}/public-to-private-link`);
  const area = $('reply-text');
  const at = area.selectionStart ?? area.value.length;
  const spaced = `${at > 0 && !/\s$/.test(area.value.slice(0, at)) ? ' ' : ''}${link.url} `;
  area.value = area.value.slice(0, at) + spaced + area.value.slice(at);
  area.focus();
  checkDraft();
}

async function sendReply(event) {
  event.preventDefault();
  const text = $('reply-text').value.trim();
  if (!text) return;
  $('reply-error').textContent = '';
  try {
    const c = state.current;
    const reply = await api(`/api/conversations/${c.id}/replies`, {
      method: 'POST',
      body: { text, mode: currentMode(), personalDataConfirmed: Boolean($('confirm-personal-data')?.checked) },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    $('reply-text').value = '';
    state.chosenMode = null;
    if (state.current === c) upsertMessage(c, reply);
    await refreshDetail(c);
  } catch (error) {
    $('reply-error').textContent = error.message;
    // Refused for personal data: the warning and its confirmation show, whatever the check said.
    if (error.error === 'personal_data') askDraft();
  }
}

async function closeConversation() {
  await api(`/api/conversations/${state.current.id}/close`, { method: 'POST' });
  await Promise.all([refreshDetail(state.current), loadConversations()]);
}

// --- Social widget ---------------------------------------------------------------------------

async function loadWidget() {
  const c = state.current;
  const widget = $('widget');
  state.profile = null;
  widget.replaceChildren(el('p', { class: 'hint', text: 'Loading the profile…' }));
  let profile;
  try {
    profile = await api(`/api/profiles/${c.channel.toLowerCase()}/${encodeURIComponent(c.consumer.id)}`);
  } catch (error) {
    widget.replaceChildren(el('h2', { text: 'Profile' }), el('p', { class: 'stale', text: error.message }), postSection(c));
    return;
  }
  state.profile = profile;
  const rows = c.channel === 'FACEBOOK'
    ? [['Locale', profile.locale], ['Time zone', profile.timezone !== undefined ? `UTC${profile.timezone >= 0 ? '+' : '−'}${offset(profile.timezone)}` : null],
      ['Local time', profile.timezone !== undefined ? localTime(profile.timezone) : null]]
    : [['Handle', profile.handle && `@${profile.handle}`], ['Bio', profile.bio], ['Tweets', profile.tweetCount], ['Likes', profile.likeCount],
      ['Followers', profile.followerCount], ['Following', profile.followingCount]];
  widget.replaceChildren(...nodes(
    el('h2', { text: 'Profile' }),
    avatar(profile, c),
    el('p', { 'data-test': 'profile-name' }, el('strong', { text: profile.name || c.consumer.id }), ' ', icon(c.channel)),
    profile.stale && el('p', { class: 'stale', text: 'The network cannot be reached: last known data.' }),
    el('dl', {}, rows.filter(([, v]) => v !== null && v !== undefined).flatMap(([k, v]) => [
      el('dt', { text: k }), el('dd', { text: String(v), 'data-test': k === 'Local time' ? 'local-time' : undefined })])),
    postSection(c)));
}

/** The network's picture, or the initials when it cannot be loaded (picture URLs expire). */
function avatar(profile, c) {
  const name = profile.name || c.consumer.id;
  const initials = el('span', { class: 'avatar initials', role: 'img', 'aria-label': name,
    text: name.split(/\s+/).map((part) => [...part][0] || '').join('').slice(0, 2).toUpperCase() });
  if (!profile.imageUrl) return initials;
  const image = el('img', { class: 'avatar', src: profile.imageUrl, alt: `Profile picture of ${name}` });
  image.addEventListener('error', () => image.replaceWith(initials), { once: true });
  return image;
}

const offset = (hours) => { const m = Math.round(Math.abs(hours) * 60); return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`; };
/** The consumer's wall clock now, from their offset (5.5 is +05:30). */
const localTime = (hours) => new Date(Date.now() + hours * 36e5).toISOString().slice(11, 16);

function postSection(c) {
  // From the conversation, not the loaded pages: the comment may be far back in the transcript.
  const latestPublic = c.latestPublic;
  if (!latestPublic?.platformId) return el('p', { class: 'hint', text: 'No public post in this conversation.' });
  const holder = el('div', {}, el('button', { type: 'button', 'data-test': 'view-post', text: 'View post', onclick: async () => {
    try {
      const thread = await api(`/api/posts/${c.channel.toLowerCase()}/${encodeURIComponent(latestPublic.platformId)}/thread`);
      holder.replaceChildren(...nodes(el('h2', { text: 'Post' }), el('ol', { class: 'thread', 'data-test': 'thread' },
        thread.items.map((item, i) => {
          const li = el('li', { class: i === thread.items.length - 1 ? 'current' : '' },
            el('strong', { text: item.author?.name || item.author?.id || '' }), ' ',
            el('span', { class: 'hint', text: item.createdAt ? when(item.createdAt) : '' }),
            el('div', { text: item.deleted ? '(deleted)' : (item.text ?? '') }));
          li.style.marginLeft = `${i * 14}px`; // each answer nested under what it answers
          return li;
        })),
        !thread.complete && el('p', { class: 'hint', text: 'Earlier posts could not be fetched.' })));
    } catch (error) {
      holder.append(el('p', { class: 'stale', text: error.message }));
    }
  } }));
  return holder;
}

// --- Live updates ----------------------------------------------------------------------------

let refreshTimer;
/** Events close together make one refresh of the conversation list. */
function scheduleListRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(loadConversations, 150);
}

/** The open conversation's header and reply modes again: one small read, whatever the history. */
async function refreshDetail(c) {
  const detail = await api(`/api/conversations/${c.id}`);
  if (state.current !== c) return;
  Object.assign(c, detail);
  markSeen(detail);
  renderConversation(false);
}

/**
 * What the stream says about the open conversation is applied to it, in the order heard: a new
 * or changed message is fetched alone, a delivery is set on its message. Nothing re-reads the
 * transcript, so one event costs the same in a conversation of ten messages or ten thousand.
 */
let applying = Promise.resolve();
function applyToCurrent(event) {
  applying = applying.then(async () => {
    const c = state.current;
    if (c?.id !== event.conversationId) return;
    if (event.type === 'MessageRecorded' || event.type === 'MessageChanged' || event.type === 'ModerationChanged') {
      const message = await api(`/api/conversations/${c.id}/messages/${event.messageId}`);
      if (state.current === c) upsertMessage(c, message);
    } else if (event.type === 'DeliveryStatusChanged') {
      const message = c.messages.find((m) => m.id === event.messageId);
      if (message) Object.assign(message, { deliveryStatus: event.deliveryStatus, failureReason: event.failureReason, platformId: event.platformMessageId ?? message.platformId });
    }
    await refreshDetail(c);
  }).catch((error) => console.warn('Live update failed', error));
}

function heard(event) {
  scheduleListRefresh();
  state.posts?.heard();
  if (event.type === 'ConversationAssigned' || event.type === 'ConversationUnassigned') loadAgents();
  if (event.conversationId && event.conversationId === state.current?.id) applyToCurrent(event);
}

/** fetch() rather than EventSource, so the token travels in a header and never in a URL. */
async function listen(attempt = 0) {
  try {
    const response = await fetch('/api/conversations/stream', {
      headers: { Authorization: `Bearer ${state.session.token}`, Accept: 'text/event-stream' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    $('live').textContent = 'Live';
    attempt = 0;
    // Whatever happened while the stream was down is read again once it is back.
    loadConversations();
    if (state.current) openConversation(state.current.id);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const events = buffer.split('\n\n');
      buffer = events.pop();
      for (const event of events) {
        const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
        if (!data) continue;
        try { heard(JSON.parse(data)); } catch { scheduleListRefresh(); }
      }
    }
  } catch (error) {
    $('live').textContent = `Reconnecting… (${error.message})`;
  }
  setTimeout(() => listen(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
}

// --- Start -----------------------------------------------------------------------------------

async function start(session) {
  state.session = session;
  state.seen = JSON.parse(localStorage.getItem(`seen:${session.agentId}`) || '{}');
  $('sign-in').hidden = true;
  $('workspace').hidden = false;
  $('who').textContent = `${session.agentId} · ${session.brandId}`;
  $('sign-out').onclick = signOut;
  if (session.admin) {
    const accounts = accountsPage({ api, el, icon, $ });
    $('open-accounts').hidden = false;
    $('open-accounts').onclick = accounts.open;
    await accounts.completeLogin();
  }
  state.posts = postsPage({ api, el, icon, $, when });
  $('open-posts').onclick = state.posts.open;
  $('open-insights').onclick = insightsPage({ api, el, icon, $ }).open;
  $('filter-status').onchange = loadConversations;
  $('filter-channel').onchange = loadConversations;
  $('filter-view').onchange = loadConversations;
  $('filter-sort').onchange = loadConversations;
  $('take-next').onclick = takeNext;
  await loadAgents();
  loadConversations();
  listen();
  setInterval(tickCountdowns, 5_000);
  // The consumer's local time moves on while the agent reads.
  setInterval(() => {
    const cell = document.querySelector('[data-test="local-time"]');
    if (cell && state.profile?.timezone !== undefined) cell.textContent = localTime(state.profile.timezone);
  }, 30_000);
}

const saved = JSON.parse(sessionStorage.getItem('session') || 'null');
if (saved && new Date(saved.expiresAt) > new Date()) start(saved); else showSignIn();
