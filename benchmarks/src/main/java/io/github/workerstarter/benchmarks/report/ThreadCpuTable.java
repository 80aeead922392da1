package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;

/**
 * Where a worker JVM's CPU went, per thread group, as recorded in each run's details under one key: medians per
 * group and variant, one column per group of the scenario and variant. Shows whether a variant spends more in some
 * kind of thread, which a process total cannot.
 */
final class ThreadCpuTable {

	private final ScenarioResult result;

	private final String detailKey;

	ThreadCpuTable(ScenarioResult result, String detailKey) {
		this.result = result;
		this.detailKey = detailKey;
	}

	String table(String title, int limit) {
		List<String> columns = new ArrayList<>();
		for (String group : this.result.groups()) {
			for (String variant : this.result.variants()) {
				columns.add(group + " | " + variant);
			}
		}
		Map<String, Double> totals = new LinkedHashMap<>();
		Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
		for (String group : this.result.groups()) {
			for (String variant : this.result.variants()) {
				Map<String, Double> byThread = medians(group, variant);
				medians.put(group + " | " + variant, byThread);
				byThread.forEach((thread, value) -> totals.merge(thread, value, Double::sum));
			}
		}
		List<String> threads = totals.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(limit)
			.map(Map.Entry::getKey)
			.toList();
		List<String> header = new ArrayList<>(List.of(title));
		columns.forEach((column) -> header.add(column.replace(" | ", " ")));
		MarkdownTable table = new MarkdownTable(header);
		for (String thread : threads) {
			List<String> row = new ArrayList<>(List.of(thread));
			for (String column : columns) {
				Double value = medians.get(column).get(thread);
				row.add((value == null) ? "—" : Format.number(value));
			}
			table.row(row);
		}
		return table.toString();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Double> medians(String group, String variant) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		this.result.runs()
			.stream()
			.filter((run) -> run.group().equals(group) && run.variant().equals(variant))
			.map((run) -> (Map<String, Number>) run.details().get(this.detailKey))
			.filter((byThread) -> byThread != null)
			.forEach((byThread) -> byThread
				.forEach((thread, value) -> values.computeIfAbsent(thread, (key) -> new ArrayList<>())
					.add(value.doubleValue())));
		Map<String, Double> medians = new LinkedHashMap<>();
		values.forEach((thread, list) -> medians.put(thread, Stats.of(list).median()));
		return medians;
	}

}
