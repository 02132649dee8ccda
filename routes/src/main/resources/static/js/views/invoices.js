// Invoices: the list with filters, per-row and bulk approve / hold (hold asks for a reason), and links to the detail.
import { api, query } from '../api.js';
import { h, fill, field, select, badge, money } from '../dom.js';
import { can } from '../session.js';
import { notify, attempt, askReason } from '../ui.js';

const STATUSES = ['DRAFT', 'HELD', 'APPROVED', 'POSTED', 'PARTIALLY_PAID', 'PAID', 'PAYMENT_FAILED', 'VOID'];
const DECIDABLE = new Set(['DRAFT', 'HELD']);

export async function render(main, params) {
  const filters = {
    period: params.get('period') || '',
    status: params.get('status') || '',
    customer: params.get('customer') || '',
  };
  const invoices = await api.get('/api/invoices' + query(filters));
  const approver = can('approver');
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => { e.preventDefault(); go(form); } },
    field('Period', h('input', { name: 'period', value: filters.period, placeholder: 'YYYY-MM', pattern: '\\d{4}-\\d{2}' })),
    field('Status', select('status', [['', 'Any'], ...STATUSES.map((s) => [s, s])], filters.status)),
    field('Customer', h('input', { name: 'customer', value: filters.customer, placeholder: 'customer id' })),
    h('button', { type: 'submit' }, 'Show'),
  );
  const checks = [];
  const selected = () => checks.filter((c) => c.checked).map((c) => c.value);
  const bulk = approver
    ? h(
        'div',
        { class: 'bulk', role: 'group', 'aria-label': 'Selected invoices' },
        h('button', { type: 'button', id: 'bulk-approve', onclick: () => bulkAction('approve', selected(), main, params) }, 'Approve selected'),
        h('button', { type: 'button', id: 'bulk-hold', onclick: () => bulkAction('hold', selected(), main, params) }, 'Hold selected…'),
      )
    : null;
  const rows = invoices.map((inv) => {
    const cells = [];
    if (approver) {
      const box = h('input', { type: 'checkbox', value: inv.number, 'aria-label': `Select ${inv.number}`, disabled: !DECIDABLE.has(inv.status) });
      checks.push(box);
      cells.push(h('td', {}, box));
    }
    cells.push(
      h('td', {}, h('a', { href: `#/invoices/${encodeURIComponent(inv.number)}` }, inv.number)),
      h('td', {}, inv.customerName || inv.customer),
      h('td', {}, inv.period),
      h('td', { class: 'status' }, badge(inv.status)),
      h('td', { class: 'num' }, money(inv.total, inv.currency)),
      h('td', {}, approver && DECIDABLE.has(inv.status)
        ? h('button', { type: 'button', class: 'approve', onclick: () => approveOne(inv.number, main, params) }, 'Approve')
        : null),
    );
    return h('tr', { dataset: { number: inv.number, status: inv.status } }, cells);
  });
  const headers = [...(approver ? [h('span', { class: 'sr-only' }, 'Select')] : []), 'Number', 'Customer', 'Period', 'Status', 'Total', ''];
  fill(
    main,
    h('h1', {}, 'Invoices'),
    form,
    bulk,
    invoices.length === 0
      ? h('p', { class: 'empty' }, 'No invoices match.')
      : h('table', { class: 'invoices' },
          h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)),
  );
}

function go(form) {
  const data = new FormData(form);
  window.location.hash = '#/invoices' + query(Object.fromEntries(data.entries()));
}

async function approveOne(number, main, params) {
  const invoice = await attempt(() => api.post(`/api/invoices/${encodeURIComponent(number)}/approve`, {}));
  if (invoice) {
    await render(main, params);
    notify(`${number} is ${invoice.status}.`);
  }
}

async function bulkAction(action, numbers, main, params) {
  if (numbers.length === 0) {
    notify('Select one or more invoices first.', 'error');
    return;
  }
  let reason = null;
  if (action === 'hold') {
    reason = await askReason(`Hold ${numbers.length} invoice(s)`, { required: true, confirm: 'Hold' });
    if (reason === null) return;
  }
  const answer = await attempt(() => api.post(`/api/invoices/${action}`, reason ? { numbers, reason } : { numbers }));
  if (!answer) return;
  await render(main, params);
  const failed = (answer.results || []).filter((r) => r.error);
  const done = (answer.results || []).length - failed.length;
  const verb = action === 'hold' ? 'held' : 'approved';
  notify(
    `${done} ${verb}` + (failed.length ? `; not ${verb}: ` + failed.map((r) => `${r.number} (${r.error})`).join(', ') : '.'),
    failed.length ? 'error' : 'info',
  );
}
