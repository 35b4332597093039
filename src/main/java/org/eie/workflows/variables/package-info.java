/**
 * Process variables, one way each: {@link org.eie.workflows.variables.JsonVariables} writes a JSON
 * variable and reads it back as its type; {@link org.eie.workflows.variables.StoredVariables} reads
 * stored variables as reads see them, in bulk from the engine's history as the caller, each value
 * through a typed accessor that reads a damaged value as absent and names it.
 */
package org.eie.workflows.variables;
