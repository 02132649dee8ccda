// A bar chart as inline SVG: one bar per month, labelled, with a text alternative. No library (the server may be
// offline and the console has no build step).
const SVG = 'http://www.w3.org/2000/svg';

function node(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * @param bars [{label: '2026-10', value: '635.40'}] values are decimal strings; only the bar heights are computed
 *             from them, the labels show the strings as the API sent them.
 */
export function barChart(title, bars, { width = 480, height = 200 } = {}) {
  const top = 20;
  const bottom = 36;
  const plot = height - top - bottom;
  const max = Math.max(0, ...bars.map((b) => Number(b.value) || 0));
  const slot = width / Math.max(1, bars.length);
  const svg = node('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'chart',
    'aria-label': `${title}: ` + bars.map((b) => `${b.label} ${b.value}`).join(', '),
  });
  svg.append(node('title', {}, title));
  svg.append(node('line', { x1: 0, x2: width, y1: top + plot, y2: top + plot, class: 'axis' }));
  bars.forEach((b, i) => {
    const value = Number(b.value) || 0;
    const barHeight = max > 0 ? Math.max(value > 0 ? 1 : 0, (value / max) * plot) : 0;
    const x = i * slot + slot * 0.2;
    const barWidth = slot * 0.6;
    const y = top + plot - barHeight;
    const rect = node('rect', { x, y, width: barWidth, height: barHeight, class: b.current ? 'bar current' : 'bar' });
    rect.append(node('title', {}, `${b.label}: ${b.value}`));
    svg.append(rect);
    svg.append(node('text', { x: x + barWidth / 2, y: y - 4, class: 'value' }, b.value));
    svg.append(node('text', { x: x + barWidth / 2, y: height - bottom + 16, class: 'label' }, b.label));
  });
  return svg;
}
