package io.github.workerstarter.test.slice;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link TemporalWorkerTest#properties()}, as Boot's own slices do. */
class TemporalWorkerTestContextBootstrapper extends TestSliceTestContextBootstrapper<TemporalWorkerTest> {

}
