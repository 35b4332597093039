package org.eie.workflows.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A controller slice, put beside {@code @WebMvcTest(SomeController.class)}: the one error answer
 * and strict JSON of the whole application ({@link ApiSlice}), and no servlet filters. Slices test
 * the HTTP contract of a controller (input rules, status codes, the body's shape) in a second;
 * who may call what is the security filter chain's business, tested with the whole application
 * (security/SecurityTest, security/RouteCensusTest, security/AuthorizationMatrixTest). Tagged
 * {@code fast}: {@code ./mvnw test -Dgroups=fast} runs them without engine or database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fast")
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiSlice.class)
public @interface ControllerSlice {
}
