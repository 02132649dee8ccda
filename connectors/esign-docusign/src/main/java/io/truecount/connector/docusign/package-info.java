/** DocuSign Connect envelope webhooks. */
package io.truecount.connector.docusign;
