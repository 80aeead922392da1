package io.github.workerstarter.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A small application of the kind the test module serves: a workflow with a long timer, activities with a
 * dependency, configuration properties, and a web layer and a service that worker tests do not need.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShippingApplication {

}
