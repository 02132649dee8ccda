/** PandaDoc document webhooks. */
package io.truecount.connector.pandadoc;
