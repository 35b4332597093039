package org.eie.workflows.operations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eie.workflows.documents.DocumentRenderer;
import org.eie.workflows.documents.DocumentRequest;
import org.eie.workflows.documents.DocumentStore;
import org.springframework.stereotype.Component;

/**
 * Test-only "Generate appeal document" of {@code appealPublicationStandIn}: renders and stores the
 * next version as the appeal's step does (without its four-eyes check, which needs a real
 * appeal's history).
 *
 * <p>An appeal started with {@code stallInProcess}, a process id, never gets its document from the
 * node running in that operating-system process: the job stays there, locked and running, until
 * the process is killed, which is how the several-node tests make a node die in the middle of its
 * jobs. Any other node renders it at once.
 */
@Component("standInAppealDocument")
class StandInAppealDocument implements JavaDelegate {

  private final DocumentRenderer renderer;
  private final DocumentStore documents;

  StandInAppealDocument(DocumentRenderer renderer, DocumentStore documents) {
    this.renderer = renderer;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) throws InterruptedException {
    if (execution.getVariable("stallInProcess") instanceof Number stallIn
        && stallIn.longValue() == ProcessHandle.current().pid()) {
      Thread.sleep(Duration.ofDays(1).toMillis());
    }
    String country = (String) execution.getVariable("country");
    byte[] pdf = renderer.render(new DocumentRequest("sample/sample", Locale.ENGLISH,
        Map.of("country", country, "partner", "Partner of " + country, "rows", List.of(1, 2, 3)),
        "Appeal " + country, "Education Cluster appeal", "appeal," + country));
    var stored = documents.store(execution.getProcessInstanceId(), "appeal", country, "en",
        "appeal-" + country + ".pdf", pdf);
    execution.setVariable("documentVersion", stored.version());
  }
}
