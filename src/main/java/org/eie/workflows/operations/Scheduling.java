package org.eie.workflows.operations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work of each node (the mail server watch). Off in the tests, which call it
 * themselves: {@code eie.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "eie.scheduling.enabled", havingValue = "true",
    matchIfMissing = true)
class Scheduling {
}
