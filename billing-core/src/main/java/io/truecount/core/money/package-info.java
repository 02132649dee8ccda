/** The money policy: BigDecimal amounts in a currency's minor unit, HALF_UP, rounded once per line. */
package io.truecount.core.money;
