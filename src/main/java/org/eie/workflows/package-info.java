/** EiE Workflows: the Spring Boot application that embeds the Camunda 7 engine. */
package org.eie.workflows;
