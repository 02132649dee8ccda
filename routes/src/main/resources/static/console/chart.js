// A bar chart as inline SVG: no library, so the console works on a server without internet access.

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * bars: [{label, value (number), title}], the last one drawn as the current month.
 * Values are display figures (totals already rounded to cents by the server), never used for arithmetic.
 */
export function barChart(bars, { width = 560, height = 180, label = 'Billable totals' } = {}) {
  const pad = { top: 12, bottom: 28, left: 8, right: 8 };
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart' });
  const max = Math.max(1, ...bars.map(b => b.value));
  const slot = (width - pad.left - pad.right) / Math.max(1, bars.length);
  const usable = height - pad.top - pad.bottom;
  bars.forEach((bar, i) => {
    const h = Math.round((bar.value / max) * usable);
    const x = pad.left + i * slot + slot * 0.15;
    const rect = el('rect', {
      x: x.toFixed(1), y: pad.top + usable - h, width: (slot * 0.7).toFixed(1), height: h,
      class: i === bars.length - 1 ? 'current' : '',
    });
    rect.appendChild(el('title', {}, bar.title));
    svg.appendChild(rect);
    svg.appendChild(el('text', { x: (x + slot * 0.35).toFixed(1), y: height - 10, 'text-anchor': 'middle' }, bar.label));
  });
  return svg;
}
