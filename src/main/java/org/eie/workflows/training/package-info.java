/**
 * The joint training package rollout: package release, translation, training of trainers, the
 * per-country workshops (each a {@code trainingCountryRollout} instance in its country's tenant),
 * consolidation, lessons learned and the rollout report, with their REST API.
 */
package org.eie.workflows.training;
