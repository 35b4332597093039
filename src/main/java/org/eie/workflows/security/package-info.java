/**
 * The HTTP security: who may call what (Spring Security, authenticated against Camunda's identity
 * service), and the guards that close the known holes of Camunda 7.24 Community Edition.
 */
package org.eie.workflows.security;
