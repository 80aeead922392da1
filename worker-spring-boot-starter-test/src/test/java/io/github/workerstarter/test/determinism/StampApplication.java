package io.github.workerstarter.test.determinism;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose one workflow reads the wall clock, for the determinism check's modes in tests. */
@SpringBootApplication
public class StampApplication {

}
