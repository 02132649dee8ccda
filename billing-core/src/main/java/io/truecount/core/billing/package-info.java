/** One billing run: count, reconcile and rate each customer's contracts into invoice drafts. */
package io.truecount.core.billing;
