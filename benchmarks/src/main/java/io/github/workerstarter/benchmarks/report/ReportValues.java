package io.github.workerstarter.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.workerstarter.benchmarks.harness.ScenarioResult;

/** Every placeholder the report template can use, computed from the scenario results. */
public final class ReportValues {

	private ReportValues() {
	}

	public static String fill(String template, Map<String, ScenarioResult> results) {
		return Template.fill(template, values(results));
	}

	static Map<String, String> values(Map<String, ScenarioResult> results) {
		Map<String, String> values = new LinkedHashMap<>();
		ScenarioResult first = results.values().iterator().next();
		first.environment().forEach((key, value) -> values.put("env." + key, String.valueOf(value)));
		values.put("env.memory_gb", String.valueOf(Math.round(((Number) first.environment().get("memory_mb"))
			.doubleValue() / 1024)));
		values.put("commands", results.values()
			.stream()
			.map(ScenarioResult::command)
			.collect(Collectors.joining("\n")));
		values.put("total_duration_min", String.valueOf(Math.round(results.values()
			.stream()
			.mapToDouble((result) -> ((Number) result.environment().get("duration_s")).doubleValue())
			.sum() / 60)));
		results.values().forEach((result) -> values.putAll(new ScenarioValues(result).values()));
		if (results.containsKey("throughput")) {
			values.putAll(PerWorkflowOverhead.values(results.get("throughput")));
			values.put("throughput.cpu_by_thread", new ThreadCpuTable(results.get("throughput"),
					"cpu_ms_per_wf_by_thread").table("CPU ms per workflow, by thread (median)", 10));
		}
		if (results.containsKey("startup")) {
			StartupBreakdown breakdown = new StartupBreakdown(results.get("startup"));
			values.put("startup.breakdown", breakdown.table());
			values.put("startup.steps", breakdown.slowestSteps(12));
			values.put("startup.cpu_by_thread", breakdown.cpuByThread(4));
		}
		if (results.containsKey("growth")) {
			GrowthLinearity linearity = new GrowthLinearity(results.get("growth"));
			values.put("growth.linearity", linearity.table());
			values.putAll(linearity.perQueueValues());
			values.put("growth.cpu_by_thread", new ThreadCpuTable(results.get("growth"), "cpu_ms_by_thread")
				.table("CPU ms until polling, by thread (median)", 4));
		}
		values.put("goals", new Goals(results).table());
		return values;
	}

}
