package org.eie.workflows.operations;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after the database migrations (Flyway), which now create Camunda's
 * tables: the engine no longer creates or checks them itself. Registered in
 * META-INF/spring.factories, like Spring Boot's own detectors.
 */
public class EngineAfterMigrations implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    var names = new LinkedHashSet<String>();
    for (Class<?> type : new Class<?>[] {ProcessEngineFactoryBean.class, ProcessEngine.class}) {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        names.add(BeanFactoryUtils.transformedBeanName(name));
      }
    }
    return names;
  }
}
