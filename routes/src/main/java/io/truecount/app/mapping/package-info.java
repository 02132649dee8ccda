/**
 * Customer mapping help: which external organization of each source maps to which customer, and likely matches for
 * the ones nobody maps. Suggestions are only ever printed; the admin writes the mapping into the YAML.
 */
package io.truecount.app.mapping;
