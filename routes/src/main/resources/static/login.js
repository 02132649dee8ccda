// The login form is CSRF-protected like every console write: copy the XSRF-TOKEN cookie into the hidden field.
function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

document.getElementById('csrf').value = xsrfToken();
document.querySelector('form').addEventListener('submit', () => {
  document.getElementById('csrf').value = xsrfToken();
});
