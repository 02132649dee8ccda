/**
 * The REST API under {@code /api} (docs/API contract): thin controllers, one per feature, over the services of the
 * feature packages; errors as RFC 7807 problem details ({@link io.truecount.app.api.ApiProblems}); every write names
 * its actor ({@link io.truecount.app.api.Actor}) and is audited where the change is made.
 */
package io.truecount.app.api;
