package io.github.workerstarter.benchmarks.harness;

import java.util.Locale;

/** Number formatting shared by the console summary and the report, so both show the same digits. */
public final class Format {

	private Format() {
	}

	public static String number(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		double abs = Math.abs(value);
		if (abs >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (abs >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	public static String statsText(Stats stats) {
		if (stats.count() == 1) {
			return number(stats.median());
		}
		return number(stats.median()) + " (" + number(stats.min()) + "–" + number(stats.max()) + ")";
	}

	public static String comparisonText(Metric metric, Summary.Comparison comparison) {
		return comparisonText(metric.compare(), comparison);
	}

	/** A comparison as a ratio or a difference, whatever the metric's own way of comparing. */
	public static String comparisonText(Metric.Compare how, Summary.Comparison comparison) {
		if (how == Metric.Compare.RATIO) {
			return ratio(comparison.ofMedians()) + " (per rep " + ratio(comparison.pairwise().min()) + "–"
					+ ratio(comparison.pairwise().max()) + ")";
		}
		return signed(comparison.ofMedians()) + " (per rep " + signed(comparison.pairwise().min()) + " to "
				+ signed(comparison.pairwise().max()) + ")";
	}

	public static String ratio(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
	}

	public static String signed(double value) {
		return (value > 0 ? "+" : "") + number(value);
	}

}
