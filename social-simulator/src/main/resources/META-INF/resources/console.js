// The consumer console: renders the simulated networks and acts as their consumers.
// Consumer and brand text is always set as text (textContent), never parsed as HTML.

const api = (path, body) =>
  fetch(`/console/api${path}`, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }).then(async (response) => {
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(json.message || json.error?.message || `HTTP ${response.status}`);
    return json;
  });

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  children.flat().filter(Boolean).forEach((child) => node.append(child));
  return node;
};

const time = (iso) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
const status = (text) => { document.getElementById('status').textContent = text; };

/** A one-line form: a labelled text input and a button; keeps focus for the next line. */
const inlineForm = (label, buttonText, test, onSubmit) => {
  const input = el('input', { type: 'text', required: true, 'aria-label': label, placeholder: label, 'data-test': `${test}-input` });
  const form = el('form', { class: 'inline' }, input,
    el('button', { type: 'submit', class: 'primary', text: buttonText, 'data-test': `${test}-send` }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await onSubmit(input.value);
      input.value = '';
      status(`${buttonText}: sent`);
    } catch (error) {
      status(`${buttonText} failed: ${error.message}`);
    }
  });
  return form;
};

const fbPerson = () => document.getElementById('fb-person').value;
const twPerson = () => document.getElementById('tw-person').value;

function facebookItem(item) {
  const node = el('article', { class: `item${item.byPage ? ' brand' : ''}`, 'data-test': `fb-item-${item.id}` },
    el('div', {}, el('span', { class: 'who', text: item.author.name }), el('span', { class: 'when', text: time(item.createdAt) })),
    // Hidden by the page: gone for everyone else, as Facebook shows it to the page's visitors.
    item.hidden
      ? el('div', { class: 'moderation', 'data-test': `fb-hidden-${item.id}`,
        text: `Hidden by the page: only ${item.author.name} and their friends still see it` })
      : el('div', { class: 'text', text: item.message }),
    item.likedByPage && el('div', { class: 'moderation', 'data-test': `fb-liked-${item.id}`, text: '♥ Liked by the page' }),
    inlineForm(`Reply to ${item.author.name}`, 'Comment', `fb-comment-${item.id}`,
      (text) => api('/facebook/comments', { personId: fbPerson(), parentId: item.id, text })),
    // The page's own Page inbox, outside the suite: the suite's later private response is refused.
    item.comment && !item.byPage && el('button', {
      type: 'button', class: 'inbox', 'data-test': `fb-inbox-reply-${item.id}`,
      text: 'Page inbox: answer privately',
      title: 'The page answers this comment privately from Facebook, not from the suite',
      onclick: () => api('/facebook/page-inbox', { commentId: item.id, text: 'We have sent you a message.' })
        .then(() => status('Answered privately from the Page inbox'), (error) => status(error.message)),
    }),
  );
  if (item.comments.length) node.append(el('div', { class: 'children' }, item.comments.map(facebookItem)));
  return node;
}

function messengerConversation(page, conversation) {
  return el('div', { class: 'card', 'data-test': `messenger-${page.id}-${conversation.person.id}` },
    el('h3', {}, `Messenger: ${conversation.person.name} ↔ ${page.name} `,
      el('span', { class: `window ${conversation.windowState}`, text: conversation.windowState.replace('_', ' ').toLowerCase() })),
    el('div', { class: 'thread' }, conversation.messages.map((m) =>
      el('div', { class: `bubble${m.fromBrand ? ' brand' : ''}`, text: m.text, title: time(m.at) }))),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', text: 'Age 25 h', 'data-test': `age-25h-${page.id}-${conversation.person.id}`,
        onclick: () => age(page.id, conversation.person.id, 25) }),
      el('button', { type: 'button', text: 'Age 8 days', 'data-test': `age-8d-${page.id}-${conversation.person.id}`,
        onclick: () => age(page.id, conversation.person.id, 192) })),
  );
}

const age = (pageId, personId, hours) =>
  api('/facebook/messenger/age', { pageId, personId, hours }).then(() => status(`Conversation aged ${hours} h`));

function renderFacebook(facebook) {
  const root = document.getElementById('facebook');
  root.replaceChildren(...facebook.pages.map((page) => el('div', { class: 'card', 'data-test': `fb-page-${page.id}` },
    el('h3', { text: page.name }),
    inlineForm(`Post on ${page.name}'s page as the page`, 'Page post', `fb-page-post-${page.id}`,
      (text) => api('/facebook/posts', { pageId: page.id, text })),
    inlineForm(`Post on ${page.name}'s page as the consumer`, 'Visitor post', `fb-visitor-post-${page.id}`,
      (text) => api('/facebook/posts', { pageId: page.id, personId: fbPerson(), text })),
    page.posts.map(facebookItem),
    inlineForm(`Message ${page.name} in Messenger`, 'Send', `messenger-send-${page.id}`,
      (text) => api('/facebook/messages', { pageId: page.id, personId: fbPerson(), text })),
    page.messenger.map((conversation) => messengerConversation(page, conversation)),
  )));
}

function tweet(brand, t) {
  return el('article', { class: `item${t.byBrand ? ' brand' : ''}`, 'data-test': `tweet-${t.id}` },
    el('div', {}, el('span', { class: 'who', text: t.author.name }), el('span', { class: 'meta', text: ` @${t.author.handle}` }),
      el('span', { class: 'when', text: time(t.createdAt) })),
    el('div', { class: 'text', text: t.text }),
    t.likedByBrand && el('div', { class: 'moderation', 'data-test': `tweet-liked-${t.id}`, text: `♥ Liked by @${brand.handle}` }),
    inlineForm(`Reply to @${t.author.handle}`, 'Reply', `tweet-reply-${t.id}`,
      (text) => api('/twitter/tweets', { brandUserId: brand.id, personId: twPerson(), text, inReplyToId: t.id })),
  );
}

function renderTwitter(twitter) {
  const root = document.getElementById('twitter');
  root.replaceChildren(...twitter.brands.map((brand) => el('div', { class: 'card', 'data-test': `tw-brand-${brand.id}` },
    el('h3', { text: `@${brand.handle}` }),
    inlineForm(`Tweet at @${brand.handle}`, 'Tweet', `tweet-at-${brand.id}`,
      (text) => api('/twitter/tweets', { brandUserId: brand.id, personId: twPerson(), text })),
    brand.threads.map((thread) => el('div', { class: 'card' }, thread.map((t) => tweet(brand, t)))),
    inlineForm(`Direct Message @${brand.handle}`, 'Send DM', `dm-send-${brand.id}`,
      (text) => api('/twitter/dms', { brandUserId: brand.id, personId: twPerson(), text })),
    brand.directMessages.map((conversation) => el('div', { class: 'card', 'data-test': `dm-${brand.id}-${conversation.person.id}` },
      el('h3', { text: `DMs: ${conversation.person.name} ↔ @${brand.handle}` }),
      el('div', { class: 'thread' }, conversation.messages.map((m) =>
        el('div', { class: `bubble${m.fromBrand ? ' brand' : ''}`, text: m.text, title: time(m.at) }))))),
  )));
}

function renderPeople(select, people) {
  if (select.options.length) return;
  people.forEach((p) => select.append(el('option', { value: p.id, text: p.handle ? `${p.name} (@${p.handle})` : p.name })));
}

function renderScenario(scenario) {
  const button = document.getElementById('scenario');
  button.setAttribute('aria-pressed', String(scenario.running));
  button.textContent = scenario.running ? `Stop demo scenario (${scenario.perMinute}/min)` : 'Start demo scenario';
  button.onclick = () => api('/scenario', { running: !scenario.running }).then(renderScenario);
}

/** Keeps typing in progress: a re-render would drop what is being typed in a reply box. */
const typing = () => {
  const active = document.activeElement;
  return active && active.tagName === 'INPUT' && active.value;
};

async function refresh() {
  if (typing()) { setTimeout(refresh, 500); return; }
  const world = await api('/world');
  renderPeople(document.getElementById('fb-person'), world.facebook.people);
  renderPeople(document.getElementById('tw-person'), world.twitter.people);
  const focused = document.activeElement?.getAttribute('data-test');
  renderFacebook(world.facebook);
  renderTwitter(world.twitter);
  renderScenario(world.scenario);
  if (focused) document.querySelector(`[data-test="${focused}"]`)?.focus();
}

let pending;
const refreshSoon = () => {
  clearTimeout(pending);
  pending = setTimeout(refresh, 100);
};
const changes = new EventSource('/console/api/changes');
changes.onmessage = refreshSoon;
// The stream reconnects after a restart of the simulator, whose world is new: show that one.
changes.onopen = refreshSoon;
refresh().catch((error) => status(`Cannot load the world: ${error.message}`));
