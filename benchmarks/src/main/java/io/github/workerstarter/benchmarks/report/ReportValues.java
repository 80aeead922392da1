package io.github.workerstarter.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.workerstarter.benchmarks.harness.Format;
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
			ScenarioResult startup = results.get("startup");
			List<String> groups = startup.groups();
			StartupBreakdown firstGroup = new StartupBreakdown(startup, groups.get(0));
			values.put("startup.breakdown", firstGroup.table());
			values.put("startup.steps", firstGroup.slowestSteps(12));
			values.put("startup.cpu_by_thread", firstGroup.cpuByThread(4));
			values.put("startup.breakdown.last", new StartupBreakdown(startup, groups.get(groups.size() - 1)).table());
			values.put("startup.group.first", groups.get(0));
			values.put("startup.group.last", groups.get(groups.size() - 1));
			values.putAll(new StartupModes(startup).values());
			values.put("startup.training", trainingText(startup));
		}
		if (results.containsKey("growth")) {
			GrowthLinearity linearity = new GrowthLinearity(results.get("growth"));
			values.put("growth.linearity", linearity.table());
			values.putAll(linearity.perQueueValues());
			values.put("growth.cpu_by_thread", new ThreadCpuTable(results.get("growth"), "cpu_ms_by_thread")
				.table("CPU ms until polling, by thread (median)", 4));
		}
		results.forEach((name, result) -> {
			if (name.startsWith("growth")) {
				values.putAll(new GrowthDefaults(result).values(name));
			}
			if (name.startsWith("latency")) {
				values.put(name + ".maximum", maximumText(result));
				values.put(name + ".group.first", result.groups().get(0));
				values.put(name + ".group.last", result.groups().get(result.groups().size() - 1));
			}
		});
		values.put("goals", new Goals(results).table());
		return values;
	}

	// the closed-loop maximum each open loop's rates are fractions of, per mode
	@SuppressWarnings("unchecked")
	private static String maximumText(ScenarioResult latency) {
		Map<String, Number> maxima = (Map<String, Number>) latency.extras()
			.getOrDefault("closed_loop_maximum_wf_per_s", Map.of());
		return maxima.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + Format.number(entry.getValue().doubleValue()) + " wf/s")
			.collect(Collectors.joining(", "));
	}

	@SuppressWarnings("unchecked")
	private static String trainingText(ScenarioResult startup) {
		Map<String, Number> seconds = (Map<String, Number>) startup.extras().getOrDefault("training_s", Map.of());
		if (seconds.isEmpty()) {
			return "no training runs (plain launches only)";
		}
		double min = seconds.values().stream().mapToDouble(Number::doubleValue).min().orElse(0);
		double max = seconds.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
		return seconds.size() + " training runs of " + Math.round(min) + "–" + Math.round(max) + " s each, archive "
				+ "written included";
	}

}
