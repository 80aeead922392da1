package io.github.workerstarter.benchmarks.report;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{key}}} placeholders. A key the results do not provide fails the generation, listing what exists:
 * a report with a silently missing number is worse than no report.
 */
final class Template {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

	private Template() {
	}

	static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String key = matcher.group(1).trim();
			String value = values.get(key);
			if (value == null) {
				String scenario = key.split("\\.")[0] + ".";
				throw new IllegalArgumentException("The template asks for {{" + key + "}}, which the results do not "
						+ "have (is its result file missing?). Known keys starting with " + scenario + ":\n  "
						+ String.join("\n  ", new TreeSet<>(values.keySet()).stream()
							.filter((known) -> known.startsWith(scenario))
							.limit(60)
							.toList()));
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
