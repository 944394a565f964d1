// The Insights page: how the brand answers, over whole days in the reader's time zone. Figures
// from insight-service (/api/insights/...); charts with uPlot (served from its webjar, a global).

import { showOnly } from './pages.js';

const RANGES = [7, 14, 30, 90];
const VISIBILITY = { PUBLIC: 'Public', PRIVATE: 'Private' };
const COLOURS = { sent: '#2e7d32', failed: '#c62828', unknown: '#9e9e9e', answer: '#1565c0', public: '#90caf9', moved: '#6a1b9a' };

/** 45 s, 4 min 12 s, 2 h 5 min, 1 d 3 h; a dash where there is nothing to measure. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
  return `${Math.floor(s / 86400)} d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ''}`;
}

const percent = (share) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`);
const sum = (rows, field) => rows.reduce((total, row) => total + row[field], 0);
const localDate = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function insightsPage({ api, el, icon, $ }) {
  const section = $('insights');
  let days = 7;
  let charts = [];

  function period() {
    const to = new Date();
    const from = new Date(to);
    from.setDate(to.getDate() - (days - 1));
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return new URLSearchParams({ from: localDate(from), to: localDate(to), zone }).toString();
  }

  async function render() {
    const query = period();
    const [summary, daily, agents] = await Promise.all([
      api(`/api/insights/summary?${query}`),
      api(`/api/insights/daily?${query}`),
      api(`/api/insights/agents?${query}`),
    ]);
    charts.forEach((chart) => chart.destroy());
    charts = [];
    const chartBoxes = { responses: el('div', { class: 'chart', 'data-test': 'chart-responses' }),
      replies: el('div', { class: 'chart', 'data-test': 'chart-replies' }),
      moves: el('div', { class: 'chart', 'data-test': 'chart-moves' }) };
    section.replaceChildren(
      header(),
      tiles(summary),
      el('div', { class: 'charts' }, chartBoxes.responses, chartBoxes.replies, chartBoxes.moves),
      responseTable(summary.responses),
      publicTable(summary.publicConversations),
      failureReasons(summary.replies.failureReasons),
      agentTable(agents));
    drawCharts(daily.days, chartBoxes);
  }

  function header() {
    return el('header', {},
      el('h2', { text: 'Insights' }),
      el('label', {}, 'Period ',
        el('select', { 'data-test': 'insights-range', onchange: (event) => { days = Number(event.target.value); render(); } },
          RANGES.map((n) => el('option', { value: n, selected: n === days, text: `Last ${n} days` })))),
      el('button', { type: 'button', 'data-test': 'close-insights', text: 'Back to conversations', onclick: () => showOnly(null) }));
  }

  function tiles({ responses, publicConversations, replies }) {
    const waits = sum(responses, 'waits');
    const answered = sum(responses, 'answered');
    const begunPublic = sum(publicConversations, 'conversations');
    const closed = sum(publicConversations, 'closed');
    const tile = (test, value, label, detail) => el('div', { class: 'tile', 'data-test': `tile-${test}` },
      el('strong', { text: value }), el('span', { text: label }), detail && el('small', { text: detail }));
    return el('div', { class: 'tiles' },
      tile('answered', waits ? percent(answered / waits) : '—', 'of consumer messages answered',
        `${answered} of ${waits}; ${waits - answered} waiting`),
      tile('moved', begunPublic ? percent(sum(publicConversations, 'movedToPrivate') / begunPublic) : '—',
        'of public conversations moved to private', `${sum(publicConversations, 'movedToPrivate')} of ${begunPublic}`),
      tile('resolved', closed ? percent(sum(publicConversations, 'resolvedInPublic') / closed) : '—',
        'of closed public conversations resolved in public', `${sum(publicConversations, 'resolvedInPublic')} of ${closed}`),
      tile('replies', String(replies.sent), 'replies sent',
        `${replies.failed} failed, ${replies.unknown} delivery unknown${replies.pending ? `, ${replies.pending} sending` : ''}`));
  }

  function table(test, caption, headings, rows) {
    return el('table', { class: 'insights-table', 'data-test': test },
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { text: h })))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colSpan: headings.length, class: 'hint', text: 'Nothing in this period.' }))));
  }

  const responseTable = (responses) => table('responses-table', 'Time to first response',
    ['', 'Visibility', 'Consumer messages', 'Answered', 'Median', '90 % within'],
    responses.map((r) => el('tr', { 'data-test': `responses-${r.channel}-${r.visibility}` },
      el('td', {}, icon(r.channel)), el('td', { text: VISIBILITY[r.visibility] }), el('td', { text: r.waits }),
      el('td', { text: r.answered }), el('td', { text: duration(r.medianSeconds) }), el('td', { text: duration(r.p90Seconds) }))));

  const publicTable = (rows) => table('public-table', 'Conversations begun in public',
    ['', 'Conversations', 'Moved to private', 'Median time to private', 'Closed', 'Resolved in public'],
    rows.map((r) => el('tr', { 'data-test': `public-${r.channel}` },
      el('td', {}, icon(r.channel)), el('td', { text: r.conversations }),
      el('td', { text: `${r.movedToPrivate} (${percent(r.movedShare)})` }), el('td', { text: duration(r.medianSecondsToPrivate) }),
      el('td', { text: r.closed }), el('td', { text: `${r.resolvedInPublic} (${percent(r.publicResolutionRate)})` }))));

  const failureReasons = (reasons) => table('failure-reasons', 'Why the networks refused replies',
    ['Reason', 'Replies'], reasons.map((r) => el('tr', {}, el('td', { text: r.reason }), el('td', { text: r.replies }))));

  const agentTable = ({ everyone, agents }) => table('agents-table', everyone ? 'Agents' : 'Your replies',
    ['Agent', 'Replies', 'Sent', 'Failed', 'Unknown', 'Messages answered', 'Median response'],
    agents.map((a) => el('tr', { 'data-test': `agent-${a.agentId}` },
      el('td', { text: a.agentId }), el('td', { text: a.replies }), el('td', { text: a.sent }), el('td', { text: a.failed }),
      el('td', { text: a.unknown }), el('td', { text: a.answered }), el('td', { text: duration(a.medianResponseSeconds) }))));

  function drawCharts(rows, boxes) {
    // As wide as their cell of the grid: three abreast where they fit, one under another where not.
    const width = Math.max(280, boxes.responses.clientWidth);
    const x = rows.map((d) => new Date(`${d.day}T00:00:00`).getTime() / 1000);
    const bars = uPlot.paths.bars({ size: [0.7, 48] });
    const base = (title) => ({ title, width, height: 220, cursor: { drag: { x: false, y: false } } });
    // The legend says the day's count under the cursor, and the period's total elsewhere.
    const counted = (counts) => (u, v, si, di) => (di === null || di === undefined ? counts.reduce((a, b) => a + b, 0) : counts[di]);
    const countSeries = (label, colour, counts) => ({ label, fill: colour, stroke: colour, paths: bars, points: { show: false }, value: counted(counts) });
    const fromZero = { range: (u, min, max) => [0, Math.max(1, max)] };

    const waits = rows.map((d) => d.waits);
    charts.push(new uPlot({
      ...base('Median time to respond, and messages to answer'),
      scales: { x: { time: true }, count: fromZero },
      axes: [{}, { label: 'minutes', values: (u, ticks) => ticks.map((t) => (t === null ? '' : t.toFixed(t < 10 ? 1 : 0))) },
        { scale: 'count', side: 1, grid: { show: false } }],
      series: [{}, { ...countSeries('Messages to answer', `${COLOURS.public}99`, waits), stroke: COLOURS.public, scale: 'count' },
        { label: 'Median', stroke: COLOURS.answer, width: 2, points: { size: 6 },
          value: (u, v, si, di) => (di === null || di === undefined || v === null ? '—' : duration(v * 60)) }],
    }, [x, waits, rows.map((d) => (d.medianResponseSeconds === null ? null : d.medianResponseSeconds / 60))], boxes.responses));

    // Stacked by hand: each series is drawn over the one before, as the totals up to it; the legend
    // says each outcome's own count.
    charts.push(new uPlot({
      ...base('Replies by outcome'),
      scales: { x: { time: true }, y: fromZero },
      series: [{},
        countSeries('Delivery unknown', COLOURS.unknown, rows.map((d) => d.unknown)),
        countSeries('Failed', COLOURS.failed, rows.map((d) => d.failed)),
        countSeries('Sent', COLOURS.sent, rows.map((d) => d.sent))],
    }, [x, rows.map((d) => d.sent + d.failed + d.unknown), rows.map((d) => d.sent + d.failed), rows.map((d) => d.sent)], boxes.replies));

    const begun = rows.map((d) => d.publicConversations);
    const moved = rows.map((d) => d.movedToPrivate);
    charts.push(new uPlot({
      ...base('Public conversations, and those moved to private'),
      scales: { x: { time: true }, y: fromZero },
      series: [{}, countSeries('Begun in public', COLOURS.public, begun), countSeries('Moved to private', COLOURS.moved, moved)],
    }, [x, begun, moved], boxes.moves));
  }

  async function open() {
    showOnly('insights');
    await render();
  }

  return { open };
}
