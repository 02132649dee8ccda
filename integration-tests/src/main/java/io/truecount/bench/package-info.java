/**
 * Benchmarks of the billing core (JMH): a generated MSP of any size, with every contract line type, rated and
 * invoiced in memory. {@code ./bench billing} runs them; they never run in {@code ./mvnw verify}, which only smoke-tests
 * the workload.
 */
package io.truecount.bench;
