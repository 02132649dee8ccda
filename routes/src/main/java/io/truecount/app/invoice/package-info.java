/** The billing core's invoice store on PostgreSQL. */
package io.truecount.app.invoice;
