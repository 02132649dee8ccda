/** Who may use the API and console: API tokens with roles, the console's login, CSRF. */
package io.truecount.app.security;
