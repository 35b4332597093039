/**
 * Stored process variables as reads see them: read in bulk from the engine's history as the
 * caller, each value through a typed accessor that reads a damaged value as absent and names it.
 */
package org.eie.workflows.variables;
