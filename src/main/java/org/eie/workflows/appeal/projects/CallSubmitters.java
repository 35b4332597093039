package org.eie.workflows.appeal.projects;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.eie.workflows.appeal.AppealType;
import org.eie.workflows.appeal.AppealVariables;
import org.eie.workflows.identity.Groups;
import org.eie.workflows.partners.PartnerOrganisation;
import org.eie.workflows.partners.PartnerRegistry;
import org.springframework.stereotype.Component;

/**
 * Who is offered "Submit a partner project" ({@code appealPartnerSubmission}'s candidate
 * groups, evaluated in the partner's sub-instance as the task is created; its variable
 * {@code callForProjects} is the call's text, hence a bean of its own name): every partner
 * organisation of the country ({@code partners-XX}), but in a CERF appeal only the groups of the
 * country's registered agencies of {@link CerfAgencies}, so an NGO is never offered the task
 * (with no such agency registered, nobody is). A call opened by an appeal that hands on no type
 * is a Flash Appeal's.
 */
@Component
public class CallSubmitters {

  private final PartnerRegistry registry;

  CallSubmitters(PartnerRegistry registry) {
    this.registry = registry;
  }

  public List<String> of(DelegateExecution submission) {
    String country = (String) submission.getVariable(AppealVariables.COUNTRY);
    if (!AppealType.of(submission.getVariable(AppealVariables.APPEAL_TYPE)).cerfAgenciesOnly()) {
      return List.of(Groups.partnersOf(country));
    }
    return registry.ofCountry(country).stream().filter(CerfAgencies::isApplicant)
        .map(PartnerOrganisation::groupId).toList();
  }
}
