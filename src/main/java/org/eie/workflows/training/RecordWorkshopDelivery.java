package org.eie.workflows.training;

import static org.eie.workflows.training.TrainingVariables.EVALUATION_DUE_AT;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_PERIOD_DAYS;
import static org.eie.workflows.training.TrainingVariables.EVALUATION_REMINDER_AT;
import static org.eie.workflows.training.TrainingVariables.WORKSHOP_DELIVERY;

import org.eie.workflows.forms.FormReader;
import java.util.Map;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eie.workflows.forms.TaskCompletion;
import org.eie.workflows.training.TrainingRecords.WorkshopDelivery;
import org.eie.workflows.variables.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What happened at the workshop: dates, participants by sex and organisation, test scores. Sets
 * the evaluation deadline: the end of the workshop's last day plus the rollout's evaluation period
 * (UTC), and the reminder a few days before it.
 */
@Component
class RecordWorkshopDelivery extends TaskCompletion {

  /** More people than any workshop could seat: a typing slip, not a head count. */
  static final long MAX_PARTICIPANTS = 100_000;

  private final TrainingProperties properties;

  RecordWorkshopDelivery(TrainingProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    var form = new FormReader(submittedForm(execution));
    LocalDate start = form.date("workshopStartDate", true);
    LocalDate end = form.date("workshopEndDate", true);
    Long female = form.count("participantsFemale", true, MAX_PARTICIPANTS);
    Long male = form.count("participantsMale", true, MAX_PARTICIPANTS);
    Long others = form.count("participantsOther", false, MAX_PARTICIPANTS);
    var organisations = organisationCounts(form, "participantsByOrganisation");
    var pre = scores(form, "preTestScores");
    var post = scores(form, "postTestScores");
    form.throwIfInvalid();
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC);
    form.check(!end.isBefore(start), "workshopEndDate",
        "the workshop cannot end before it starts (" + start + ")");
    form.check(!end.isAfter(today), "workshopEndDate",
        "record the workshop once it has taken place (not after " + today + ")");
    int other = others == null ? 0 : others.intValue();
    int total = female.intValue() + male.intValue() + other;
    form.check(total > 0, "participantsFemale", "a delivered workshop has participants");
    int byOrganisation = organisations.values().stream().mapToInt(Integer::intValue).sum();
    form.check(byOrganisation == total, "participantsByOrganisation", "the organisations"
        + " add up to " + byOrganisation + " participants, the participants by sex to " + total);
    form.check(pre.size() <= total, "preTestScores",
        pre.size() + " scores for " + total + " participants");
    form.check(post.size() <= total, "postTestScores",
        post.size() + " scores for " + total + " participants");
    form.throwIfInvalid();

    Object configured = execution.getVariable(EVALUATION_PERIOD_DAYS);
    int period = configured instanceof Number days ? days.intValue()
        : properties.evaluationPeriodDays();
    Instant due = end.plusDays(period + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant reminder = due.minus(java.time.Duration.ofDays(properties.reminderDaysBefore()));

    execution.setVariable(WORKSHOP_DELIVERY, JsonVariables.json(new WorkshopDelivery(
        start.toString(), end.toString(), female.intValue(), male.intValue(), other, organisations, pre, post,
        due.toString())));
    execution.setVariable(EVALUATION_DUE_AT, Date.from(due));
    execution.setVariable(EVALUATION_REMINDER_AT, Date.from(reminder));
    for (String loose : new String[] {"workshopStartDate", "workshopEndDate", "participantsFemale",
        "participantsMale", "participantsOther", "participantsByOrganisation", "preTestScores",
        "postTestScores"}) {
      execution.removeVariable(loose);
    }
  }

  /** Lines "Organisation: number of participants", an organisation's lines added up. */
  static Map<String, Integer> organisationCounts(FormReader form, String field) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String line : form.lines(field, true)) {
      int colon = line.lastIndexOf(':');
      if (colon <= 0) {
        form.error(field, "write one organisation per line as 'Organisation: number', not '"
            + line + "'");
        continue;
      }
      var number = new FormReader(Map.of(field, line.substring(colon + 1).strip()));
      Long count = number.count(field, true, MAX_PARTICIPANTS);
      number.errors().forEach(problem -> form.error(field, "'" + line + "': "
          + problem.message()));
      if (count != null) {
        counts.merge(line.substring(0, colon).strip(), count.intValue(), Integer::sum);
      }
    }
    return counts;
  }

  /** Test scores in percent, one per participant who sat the test. */
  static List<Double> scores(FormReader form, String field) {
    List<Double> scores = new ArrayList<>();
    for (String entry : form.entries(field, true)) {
      try {
        double score = Double.parseDouble(entry.replace("%", "").strip());
        if (score >= 0 && score <= 100) {
          scores.add(score);
        } else {
          form.error(field, "scores are percentages from 0 to 100, not " + entry);
        }
      } catch (NumberFormatException e) {
        form.error(field, "'" + entry + "' is not a score");
      }
    }
    return scores;
  }
}
