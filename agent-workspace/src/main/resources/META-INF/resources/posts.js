// The Posts page: the brand's posts and tweets that drew consumers' comments, with how many are
// answered and how; opening one lists its comments, and an agent answers many with one text:
// each comment gets a reply of its own (its own delivery status), paced by the network's limits.

import { showOnly } from './pages.js';

const ANSWERS = { UNANSWERED: 'Unanswered', ANSWERED_PUBLICLY: 'Answered publicly', MOVED_TO_PRIVATE: 'Moved to private' };
const STATUS = { PENDING: 'sending…', SENT: 'sent', FAILED: 'failed', DELIVERY_UNKNOWN: 'delivery unknown' };

export function postsPage({ api, el, icon, $, when }) {
  const section = $('posts');
  let open = null; // the post whose comments are shown
  let refreshTimer;
  // What the page last said; it outlives the live refreshes of the list.
  let said = { text: '', kind: 'info' };

  const messageLine = () => el('p', { id: 'posts-message', class: `message-line ${said.kind}`, role: 'status', 'aria-live': 'polite',
    'data-test': 'posts-message', text: said.text });
  const message = (text, kind = 'info') => {
    said = { text, kind };
    $('posts-message')?.replaceWith(messageLine());
  };

  async function showPosts() {
    if (open) said = { text: '', kind: 'info' };
    open = null;
    const posts = await api('/api/brand-posts');
    section.replaceChildren(
      header('Posts with comments'),
      messageLine(),
      posts.length === 0
        ? el('p', { class: 'hint', text: 'No post drew comments in the last 14 days.' })
        : el('ul', { class: 'posts-list' }, posts.map((post) => el('li', {},
          el('button', { type: 'button', 'data-test': `post-${post.postId}`, onclick: () => showComments(post.postId) },
            icon(post.channel),
            el('span', { class: 'post-text', text: post.text ?? `Post ${post.postId}` }),
            el('span', { class: 'counts' },
              el('span', { text: `${post.comments} comments` }),
              el('span', { class: post.unanswered ? 'unanswered' : '', 'data-test': `post-${post.postId}-unanswered`, text: `${post.unanswered} unanswered` }),
              el('span', { text: `${post.answeredPublicly} answered publicly` }),
              el('span', { text: `${post.movedToPrivate} moved to private` })))))));
  }

  function header(title) {
    return el('header', {},
      el('h2', { text: title }),
      open && el('button', { type: 'button', 'data-test': 'all-posts', text: 'All posts', onclick: showPosts }),
      el('button', { type: 'button', 'data-test': 'close-posts', text: 'Back to conversations', onclick: close }));
  }

  async function showComments(postId) {
    const first = open !== postId;
    if (first) said = { text: '', kind: 'info' };
    open = postId;
    const { post, items } = await api(`/api/brand-posts/${encodeURIComponent(postId)}/comments`);
    if (open !== postId) return;
    // Keep what the agent is writing and has ticked while the list refreshes.
    const draft = first ? '' : ($('bulk-text')?.value ?? '');
    const ticked = first ? new Set() : new Set([...section.querySelectorAll('input[name="comment"]:checked')].map((box) => box.value));
    const mode = first ? 'PUBLIC' : ($('bulk-mode')?.value ?? 'PUBLIC');
    section.replaceChildren(
      header(post.text ?? `Post ${post.postId}`),
      el('p', { class: 'hint', text: `${post.comments} comments · ${post.unanswered} unanswered · ${post.answeredPublicly} answered publicly · ${post.movedToPrivate} moved to private` }),
      messageLine(),
      el('form', { class: 'bulk', onsubmit: (event) => send(event, postId) },
        el('div', { class: 'row' },
          el('button', { type: 'button', 'data-test': 'select-unanswered', text: 'Select all unanswered',
            onclick: () => section.querySelectorAll('input[name="comment"]').forEach((box) => { box.checked = box.dataset.answer === 'UNANSWERED'; }) }),
          el('label', {}, 'Reply as ', el('select', { id: 'bulk-mode', 'data-test': 'bulk-mode' },
            el('option', { value: 'PUBLIC', text: 'Public reply under each', selected: mode === 'PUBLIC' }),
            post.channel === 'FACEBOOK' && el('option', { value: 'PRIVATE_RESPONSE', text: 'Private Response to each', selected: mode === 'PRIVATE_RESPONSE' })))),
        el('textarea', { id: 'bulk-text', 'aria-label': 'One reply for every chosen comment', 'data-test': 'bulk-text', value: draft, required: true }),
        el('button', { type: 'submit', class: 'primary', 'data-test': 'bulk-send', text: 'Reply to the chosen comments' })),
      el('ul', { class: 'comments-list', 'data-test': 'post-comments' }, items.map((c) => el('li', { 'data-test': `comment-${c.platformId}` },
        el('input', { type: 'checkbox', name: 'comment', value: c.messageId, 'data-answer': c.answer, checked: ticked.has(c.messageId),
          'aria-label': `Choose ${c.authorName || c.authorId}'s comment` }),
        el('div', {},
          el('strong', { text: c.authorName || c.authorId }), ' ', el('span', { class: 'hint', text: when(c.occurredAt) }),
          el('div', { class: 'text', text: c.text ?? '' })),
        el('span', { class: `answer ${c.answer}`, 'data-test': 'comment-answer',
          text: `${ANSWERS[c.answer]}${c.reply ? ` · ${STATUS[c.reply.deliveryStatus] ?? c.reply.deliveryStatus}` : ''}${c.reply?.failureReason ? `: ${c.reply.failureReason}` : ''}` })))));
  }

  async function send(event, postId) {
    event.preventDefault();
    const commentIds = [...section.querySelectorAll('input[name="comment"]:checked')].map((box) => box.value);
    const text = $('bulk-text').value.trim();
    if (!commentIds.length) { message('Choose the comments to answer.', 'error'); return; }
    try {
      const result = await api(`/api/brand-posts/${encodeURIComponent(postId)}/replies`, {
        method: 'POST', body: { text, mode: $('bulk-mode').value, commentIds },
      });
      $('bulk-text').value = '';
      section.querySelectorAll('input[name="comment"]').forEach((box) => { box.checked = false; });
      await showComments(postId);
      message(`Sending ${result.sent.length} replies${result.refused.length ? `; not sent: ${result.refused.length} (${[...new Set(result.refused.map((r) => r.reason))].join('; ')})` : ''}.`);
    } catch (error) {
      message(error.message, 'error');
    }
  }

  /** Deliveries and new comments arrive on the stream: the open list follows them. */
  function heard() {
    if (section.hidden) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => (open ? showComments(open) : showPosts()).catch(() => {}), 300);
  }

  async function openPage() {
    showOnly('posts');
    await showPosts();
  }

  function close() {
    showOnly(null);
    open = null;
  }

  return { open: openPage, heard };
}
