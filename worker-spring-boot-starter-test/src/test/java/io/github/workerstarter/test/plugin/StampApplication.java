package io.github.workerstarter.test.plugin;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with a Temporal SDK plugin bean: it records starts, activities and replays, and runs a workflow. */
@SpringBootApplication
public class StampApplication {

}
