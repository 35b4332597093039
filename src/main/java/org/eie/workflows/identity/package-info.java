/**
 * Who is who: the groups, country tenants, users, authorizations and Tasklist filters, all seeded
 * from {@link org.eie.workflows.identity.AccessModel} in one place.
 */
package org.eie.workflows.identity;
