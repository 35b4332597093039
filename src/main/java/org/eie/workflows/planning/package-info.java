/**
 * The three-year strategic planning cycle shared by INEE and the Education Cluster: its process
 * steps, the two plans and their alignment, approvals, implementation reviews, the plan document
 * and the REST API that starts a cycle.
 */
package org.eie.workflows.planning;
