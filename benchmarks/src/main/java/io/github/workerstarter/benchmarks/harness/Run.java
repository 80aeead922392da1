package io.github.workerstarter.benchmarks.harness;

import java.util.Map;

/**
 * One child JVM run of one variant.
 *
 * @param group the condition it ran under (server mode, number of queues...); variants are compared within a group
 * @param variant {@code raw}, {@code starter}, ...
 * @param rep repetition number, from 1; runs of the same group and rep ran back to back and are compared pairwise
 * @param metrics measured values by {@link Metric#key()}
 * @param details anything else worth keeping (startup milestones, slowest startup steps)
 */
public record Run(String group, String variant, int rep, Map<String, Double> metrics, Map<String, Object> details) {

}
