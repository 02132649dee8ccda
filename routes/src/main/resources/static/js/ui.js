// Page-wide feedback: the status line for successes and errors, and the reason dialog.
import { h, fill } from './dom.js';

/** Shows a message in the live region at the top of the page; errors are announced as alerts. */
export function notify(message, kind = 'info') {
  const region = document.getElementById('notice');
  region.className = 'notice notice-' + kind;
  region.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  fill(region, message);
  region.hidden = !message;
}

export function clearNotice() {
  notify('');
}

/** Runs an action, showing its error as a message instead of losing it in the console. */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    notify(e.message || String(e), 'error');
    return undefined;
  }
}

/**
 * Asks for a reason in a modal dialog. Resolves to the trimmed text, or null when cancelled. With required, the
 * dialog does not close on an empty reason (the API refuses those with 400 anyway).
 */
export function askReason(title, { required = false, confirm = 'OK' } = {}) {
  return new Promise((resolve) => {
    const input = h('textarea', { id: 'reason-input', name: 'reason', rows: 3, required });
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', {}, title),
      h('label', { for: 'reason-input' }, required ? 'Reason (required)' : 'Reason (optional)'),
      input,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', value: 'ok', class: 'primary', id: 'reason-ok' }, confirm),
        h('button', { type: 'button', value: 'cancel', id: 'reason-cancel', onclick: () => dialog.close('cancel') }, 'Cancel'),
      ),
    );
    const dialog = h('dialog', { class: 'reason-dialog', 'aria-label': title }, form);
    form.addEventListener('submit', (event) => {
      if (required && !input.value.trim()) {
        event.preventDefault();
        input.focus();
        return;
      }
      event.preventDefault();
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue === 'ok' ? input.value.trim() : null;
      dialog.remove();
      resolve(value);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
