/** Billing periods of contracts and proration of partial periods, as pure functions over LocalDate. */
package io.truecount.core.period;
