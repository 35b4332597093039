package org.eie.workflows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EieWorkflowsApplication {

  public static void main(String[] args) {
    SpringApplication.run(EieWorkflowsApplication.class, args);
  }
}
