package io.github.workerstarter.test.slice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the application's workflows and activities that loads only what they need, like {@code @DataJpaTest}
 * for repositories: the starter's auto-configuration on the test environment (time skipping), the application's
 * {@code @WorkflowImpl}, {@code @ActivityImpl} and {@code @NexusServiceImpl} beans, and the components and
 * {@code @ConfigurationProperties} they inject (transitively, from their constructors, {@code @Autowired} fields and
 * methods, and {@code @Bean} methods of scanned configuration classes), and the Temporal SDK plugin beans (a
 * scanned plugin class, or a scanned configuration class declaring one), which change how every worker runs. Controllers, the web server and other
 * unrelated beans stay out. Boot's Jackson auto-configuration is in, so payloads convert as in production.
 *
 * <p>To load more, name the beans in {@link #includeFilters()}, {@code @Import} them, or replace them with
 * {@code @MockitoBean}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(TemporalWorkerTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(TemporalWorkerTypeExcludeFilter.class)
@AutoConfigureJson
@AutoConfigureTemporalWorker
@ImportAutoConfiguration
public @interface TemporalWorkerTest {

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring {@link Environment} before the
	 * test runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Whether the default selection applies: the annotated implementations and what they inject. Off, only
	 * {@link #includeFilters()} choose.
	 * @return if default filters should be used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Components to load besides the default selection.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * Components to leave out of the selection.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration exclusions that should be applied for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
