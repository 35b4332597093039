package org.eie.workflows.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The variables a form reads, which are all a task's form variables answer carries: a field's
 * key, a dynamic list's path, the list its options come from, and every name in an expression or a
 * template. A name too many costs nothing; one too few would leave a field empty.
 */
@Tag("fast")
class TaskFormsTest {

  @Test
  void aFormReadsItsFieldsItsListsAndTheNamesInItsExpressions() {
    String form = """
        {"id": "example", "components": [
          {"type": "textfield", "key": "projectTitle", "label": "Title"},
          {"type": "select", "key": "partnerOrganisation", "valuesKey": "partnerOptions"},
          {"type": "dynamiclist", "path": "activities.rows", "components": [
            {"type": "number", "key": "budget", "validate": {"max": "=ceiling - spent"}}]},
          {"type": "text", "text": "Appeal for {{ emergencyName }} in {{country}}"},
          {"type": "number", "key": "girls",
           "conditional": {"hide": "=not(appealType = \\"CERF_RAPID_RESPONSE\\")"}},
          {"type": "textarea", "key": "comment", "description": "Say why, in a sentence."}
        ]}""";

    assertThat(TaskForms.variableNames(form.getBytes(StandardCharsets.UTF_8))).contains(
        "projectTitle", "partnerOrganisation", "partnerOptions", "activities", "budget",
        "ceiling", "spent", "emergencyName", "country", "girls", "appealType", "comment")
        .doesNotContain("Title", "Say", "example", "textfield", "select");
    // What it submits: its fields, a dynamic list as one; not the lists and names it only reads.
    assertThat(TaskForms.fieldsOf(form.getBytes(StandardCharsets.UTF_8))).containsExactlyInAnyOrder(
        "projectTitle", "partnerOrganisation", "activities", "girls", "comment");
  }
}
