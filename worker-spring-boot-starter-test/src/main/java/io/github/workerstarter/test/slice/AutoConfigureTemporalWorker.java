package io.github.workerstarter.test.slice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The auto-configurations of {@link TemporalWorkerTest @TemporalWorkerTest}: the starter's (workers, connection,
 * payloads, logging, tracing), the test environment, and the few of Boot's that they rely on (placeholders,
 * configuration properties, SSL bundles, lifecycle timeouts). Listed in
 * {@code META-INF/spring/io.github.workerstarter.test.slice.AutoConfigureTemporalWorker.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureTemporalWorker {

}
