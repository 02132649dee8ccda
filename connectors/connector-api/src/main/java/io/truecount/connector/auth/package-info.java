/**
 * How connectors prove who they are. {@link io.truecount.connector.auth.ClientCredentialsAuthenticator} is the OAuth2
 * client-credentials grant (NinjaOne, HaloPSA, Microsoft Graph): one token per connector, cached until shortly before
 * it expires by the runtime clock, and dropped when the API answers 401.
 */
package io.truecount.connector.auth;
