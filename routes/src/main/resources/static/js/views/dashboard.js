// Dashboard: connector health with last and next runs, this month's billable totals, the change versus last month and
// the last six months as a chart per currency.
import { api } from '../api.js';
import { h, fill, table, badge, when } from '../dom.js';
import { barChart } from '../chart.js';

export async function render(main) {
  const [dashboard, connectors] = await Promise.all([
    api.get('/api/dashboard'),
    // Type and schedule only; the dashboard still works when the connector list is unavailable.
    api.get('/api/connectors').catch(() => []),
  ]);
  const byId = Object.fromEntries((connectors || []).map((c) => [c.id, c]));
  fill(
    main,
    h('h1', {}, 'Dashboard'),
    h('p', { class: 'lead' }, `Billing period ${dashboard.period}`),
    counters(dashboard),
    h('section', { 'aria-labelledby': 'totals-h' }, h('h2', { id: 'totals-h' }, 'Billable totals'), totals(dashboard)),
    h(
      'section',
      { 'aria-labelledby': 'connectors-h' },
      h('h2', { id: 'connectors-h' }, 'Connectors'),
      table(
        null,
        ['Connector', 'Type', 'Health', 'Last run', 'Records', 'Next run'],
        (dashboard.connectors || []).map((c) => {
          const run = c.lastRun;
          return [
            c.id,
            byId[c.id] ? byId[c.id].type : '—',
            badge(c.health),
            run ? h('span', {}, badge(run.status), ' ', when(run.finishedAt || run.startedAt),
              run.error ? h('div', { class: 'error-text' }, run.error) : null) : 'never',
            run ? String(run.records) : '—',
            when(c.nextRun || (byId[c.id] && byId[c.id].nextRun)),
          ];
        }),
        'No connectors are configured.',
      ),
    ),
  );
}

function counters(d) {
  const item = (label, value, href) =>
    h('li', {}, h('a', { href }, h('span', { class: 'count' }, String(value)), h('span', { class: 'what' }, label)));
  return h(
    'ul',
    { class: 'counters' },
    item('open discrepancies', d.openItems, '#/reconciliation'),
    item('draft invoices', d.drafts, '#/invoices?status=DRAFT'),
    item('held invoices', d.held, '#/invoices?status=HELD'),
    item('dead letters', d.deadLetters, '#/webhooks'),
  );
}

function totals(d) {
  const currencies = [...new Set((d.totals || []).map((t) => t.currency))];
  if (currencies.length === 0) return h('p', { class: 'empty' }, 'Nothing billed in the last six months.');
  return h(
    'div',
    { class: 'totals' },
    currencies.map((currency) => {
      const billed = (d.totals || []).filter((t) => t.currency === currency);
      const current = billed.find((t) => t.period === d.period);
      // A month without invoices is a zero bar, not a missing one: the chart always spans the same six months.
      const months = monthsEnding(d.period, 6, billed);
      const change = (d.change || []).find((c) => c.currency === currency);
      return h(
        'article',
        { class: 'total' },
        h('h3', {}, currency),
        h('p', { class: 'big' }, current ? current.total : '0', ' ', h('small', {}, currency)),
        h('p', { class: 'change' }, changeText(change)),
        barChart(
          `Billed per month in ${currency}`,
          months.map((t) => ({ label: t.period, value: t.total, current: t.period === d.period })),
        ),
      );
    }),
  );
}

function monthsEnding(period, count, billed) {
  const [year, month] = period.split('-').map(Number);
  const months = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    const label = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const found = billed.find((t) => t.period === label);
    months.push({ period: label, total: found ? found.total : '0' });
  }
  // Months outside the window (should the API send more) are still shown, in order.
  for (const t of billed) if (!months.some((m) => m.period === t.period)) months.push(t);
  return months.sort((a, b) => a.period.localeCompare(b.period));
}

function changeText(change) {
  if (!change) return 'No change figure.';
  const up = !String(change.amount).startsWith('-');
  const percent = change.percent === null || change.percent === undefined ? 'nothing billed last month' : `${change.percent}%`;
  return `${up ? '▲' : '▼'} ${change.amount} ${change.currency} (${percent}) vs last month`;
}
