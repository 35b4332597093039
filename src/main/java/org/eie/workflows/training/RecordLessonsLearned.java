package org.eie.workflows.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The Secretariat's lessons learned, required: they are a section of the rollout report. */
@Component
class RecordLessonsLearned implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String lessons = new FormInput(task.getVariables()).text(TrainingVariables.LESSONS_LEARNED);
    FormInput.require(lessons.length() <= 20_000, TrainingVariables.LESSONS_LEARNED,
        "at most 20000 characters");
  }
}
