package io.github.workerstarter.determinism;

/**
 * The mode of the determinism check when {@code temporal.workflows.determinism-check} is not set: {@code warn} in an
 * application. The test module declares a bean of this type with {@code fail}, so a non-deterministic workflow fails
 * the build rather than production.
 *
 * @param mode the mode to use when the property is not set
 */
public record DeterminismCheckDefault(DeterminismCheckMode mode) {
}
