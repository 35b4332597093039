package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.EVALUATION_DUE_AT;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_PERIOD_DAYS;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_REMINDER_AT;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_DELIVERY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.springframework.stereotype.Component;

/**
 * What happened at the workshop: dates, participants by sex and organisation, test scores. Sets
 * the evaluation deadline: the end of the workshop's last day plus the rollout's evaluation period
 * (UTC), and the reminder a few days before it.
 */
@Component
class RecordWorkshopDelivery implements ExecutionListener {

  private final TrainingProperties properties;

  RecordWorkshopDelivery(TrainingProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (country withdrawn, evaluation closed): nothing to record
    }
    var input = new FormInput(execution.getVariables());
    LocalDate start = input.date("workshopStartDate");
    LocalDate end = input.date("workshopEndDate");
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC);
    FormInput.require(!end.isBefore(start), "workshopEndDate",
        "the workshop cannot end before it starts (" + start + ")");
    FormInput.require(!end.isAfter(today), "workshopEndDate",
        "record the workshop once it has taken place (not after " + today + ")");
    int female = input.count("participantsFemale");
    int male = input.count("participantsMale");
    int other = execution.getVariable("participantsOther") == null
        || execution.getVariable("participantsOther").toString().isBlank() ? 0
        : input.count("participantsOther");
    int total = female + male + other;
    FormInput.require(total > 0, "participantsFemale", "a delivered workshop has participants");
    var organisations = input.organisationCounts("participantsByOrganisation");
    int byOrganisation = organisations.values().stream().mapToInt(Integer::intValue).sum();
    FormInput.require(byOrganisation == total, "participantsByOrganisation", "the organisations"
        + " add up to " + byOrganisation + " participants, the participants by sex to " + total);
    var pre = input.scores("preTestScores");
    var post = input.scores("postTestScores");
    FormInput.require(pre.size() <= total, "preTestScores",
        pre.size() + " scores for " + total + " participants");
    FormInput.require(post.size() <= total, "postTestScores",
        post.size() + " scores for " + total + " participants");

    Object configured = execution.getVariable(EVALUATION_PERIOD_DAYS);
    int period = configured instanceof Number days ? days.intValue()
        : properties.evaluationPeriodDays();
    Instant due = end.plusDays(period + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant reminder = due.minus(java.time.Duration.ofDays(properties.reminderDaysBefore()));

    execution.setVariable(WORKSHOP_DELIVERY, TrainingVariables.json(new WorkshopDelivery(
        start.toString(), end.toString(), female, male, other, organisations, pre, post,
        due.toString())));
    execution.setVariable(EVALUATION_DUE_AT, Date.from(due));
    execution.setVariable(EVALUATION_REMINDER_AT, Date.from(reminder));
    for (String loose : new String[] {"workshopStartDate", "workshopEndDate", "participantsFemale",
        "participantsMale", "participantsOther", "participantsByOrganisation", "preTestScores",
        "postTestScores"}) {
      execution.removeVariable(loose);
    }
  }
}
