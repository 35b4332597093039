/**
 * Running for years on several nodes: one schema migration for Camunda's tables and ours, the
 * node's identity and job locks, history clean-up, and the metrics administrators scrape.
 */
package org.eie.workflows.operations;
