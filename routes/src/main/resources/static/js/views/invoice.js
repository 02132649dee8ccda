// One invoice: totals, actions for its status, lines with the records they were counted from (traceability),
// history, pushes to accounting and payments.
import { api } from '../api.js';
import { h, fill, table, badge, when, money } from '../dom.js';
import { can } from '../session.js';
import { notify, attempt, askReason } from '../ui.js';

export async function render(main, number) {
  const invoice = await api.get(`/api/invoices/${encodeURIComponent(number)}`);
  draw(main, invoice);
}

function draw(main, inv) {
  const c = inv.currency;
  fill(
    main,
    h('p', {}, h('a', { href: '#/invoices' }, '← Invoices')),
    h('h1', {}, 'Invoice ', h('span', { id: 'invoice-number' }, inv.number), ' ', h('span', { id: 'invoice-status' }, badge(inv.status))),
    h(
      'dl',
      { class: 'summary' },
      h('dt', {}, 'Customer'), h('dd', {}, `${inv.customerName || ''} (${inv.customer})`),
      h('dt', {}, 'Period'), h('dd', {}, inv.periodStart && inv.periodEnd ? `${inv.period} (${inv.periodStart} – ${inv.periodEnd})` : inv.period),
      h('dt', {}, 'Issued / due'), h('dd', {}, `${inv.issueDate || '—'} / ${inv.dueDate || '—'}`),
      h('dt', {}, 'Subtotal'), h('dd', {}, money(inv.subtotal, c)),
      h('dt', {}, 'Tax'), h('dd', {}, money(inv.tax, c)),
      h('dt', {}, 'Total'), h('dd', { class: 'total' }, money(inv.total, c)),
      inv.holdReason ? [h('dt', {}, 'Held because'), h('dd', {}, inv.holdReason)] : null,
    ),
    actions(main, inv),
    h('h2', {}, 'Lines'),
    table(
      null,
      ['Contract / line', 'Description', 'Quantity', 'Unit price', 'Amount', 'Taxable', 'Counted from'],
      (inv.lines || []).map((l) => [
        `${l.contract} / ${l.line}`,
        l.description,
        l.unit ? `${l.quantity} ${l.unit}` : l.quantity,
        money(l.unitPrice, c),
        money(l.amount, c),
        l.taxable ? 'yes' : 'no',
        sources(l.sources),
      ]),
      'No lines.',
    ),
    h('h2', {}, 'History'),
    table(null, ['When', 'From', 'To', 'By', 'Reason'],
      (inv.transitions || []).map((t) => [when(t.at), t.from || '—', t.to, t.actor || '—', t.reason || ''])),
    h('h2', {}, 'Pushes'),
    table(null, ['Connector', 'State', 'External id', 'Attempts', 'Error'],
      (inv.pushes || []).map((p) => [p.connector, badge(p.state), p.externalNumber || p.externalId || '—', String(p.attempts), p.error || '']),
      'Not pushed to accounting yet.'),
    h('h2', {}, 'Payments'),
    table(null, ['When', 'Connector', 'Kind', 'Amount', 'Note'],
      (inv.payments || []).map((p) => [when(p.occurredAt), p.connector, p.kind, money(p.amount, p.currency), p.note || '']),
      'No payments recorded.'),
  );
}

function sources(list) {
  if (!list || list.length === 0) return '—';
  const label = (s) => s.label || [s.type, s.connector, s.externalId].filter(Boolean).join(' ');
  const items = list.map((s) => h('li', {}, label(s)));
  // Long lists (a hundred devices) fold away so the lines stay readable.
  if (list.length <= 3) return h('ul', { class: 'sources' }, items);
  return h('details', {}, h('summary', {}, `${list.length} records`), h('ul', { class: 'sources' }, items));
}

function actions(main, inv) {
  const buttons = [];
  const act = (label, action, { reason = false, required = false, cls } = {}) =>
    h('button', {
      type: 'button',
      class: cls || action,
      onclick: async () => {
        let body = {};
        if (reason) {
          const text = await askReason(`${label} ${inv.number}`, { required, confirm: label });
          if (text === null) return;
          if (text) body = { reason: text };
        }
        const answer = await attempt(() => api.post(`/api/invoices/${encodeURIComponent(inv.number)}/${action}`, body));
        if (answer === undefined) return;
        // push answers with the pushes only; everything else with the invoice.
        const updated = action === 'push' ? await api.get(`/api/invoices/${encodeURIComponent(inv.number)}`) : answer;
        draw(main, updated);
        notify(`${inv.number}: ${label.toLowerCase()} done, now ${updated.status}.`);
      },
    }, label);
  if (can('approver')) {
    if (inv.status === 'DRAFT' || inv.status === 'HELD') buttons.push(act('Approve', 'approve'));
    if (inv.status === 'DRAFT') buttons.push(act('Hold', 'hold', { reason: true, required: true }));
    if (inv.status === 'HELD') buttons.push(act('Release', 'release', { reason: true }));
    if (inv.status === 'APPROVED' || (inv.pushes || []).some((p) => p.state === 'FAILED')) buttons.push(act('Push', 'push'));
  }
  if (can('admin') && ['DRAFT', 'HELD', 'APPROVED'].includes(inv.status)) {
    buttons.push(act('Void', 'void', { reason: true, required: true, cls: 'void danger' }));
  }
  return buttons.length ? h('div', { class: 'actions' }, buttons) : null;
}
