package io.github.workerstarter.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;

/**
 * The starter's per-workflow work (a prototype bean creation, timed in the starter runs) set against the CPU one
 * workflow costs: a comparison the machine's noise cannot blur, unlike two throughputs.
 */
final class PerWorkflowOverhead {

	private PerWorkflowOverhead() {
	}

	static Map<String, String> values(ScenarioResult throughput) {
		Map<String, String> values = new LinkedHashMap<>();
		List<Run> starterRuns = throughput.runs().stream().filter((run) -> run.variant().equals("starter")).toList();
		Stats micros = Stats.of(starterRuns.stream()
			.map((run) -> run.details().get("prototype_us"))
			.filter((value) -> value instanceof Number)
			.map((value) -> ((Number) value).doubleValue())
			.toList());
		Stats cpuPerWorkflow = Stats.of(throughput.runs()
			.stream()
			.filter((run) -> run.variant().equals("raw") && run.metrics().containsKey("cpu_ms_per_wf_no_jit"))
			.map((run) -> run.metrics().get("cpu_ms_per_wf_no_jit"))
			.toList());
		values.put("throughput.prototype_us", Format.number(micros.median()));
		values.put("throughput.prototype_us.range", Format.number(micros.min()) + "–" + Format.number(micros.max()));
		values.put("throughput.prototype_share_percent",
				Format.number(100 * micros.median() / (cpuPerWorkflow.median() * 1000)));
		return values;
	}

}
