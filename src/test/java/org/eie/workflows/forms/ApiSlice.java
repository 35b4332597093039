package org.eie.workflows.forms;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a controller slice ({@code @WebMvcTest}) needs besides its controller to answer as the
 * whole application does: the one error answer ({@link ApiProblems}) and the strict reading of
 * JSON bodies ({@link StrictJson}). Both are package-private here, so slices in other packages
 * import this instead.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ApiProblems.class, StrictJson.class})
public class ApiSlice {
}
