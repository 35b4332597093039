/** How a Tasklist form submission reaches a task's recorder: as one transient value. */
package org.eie.workflows.forms;
