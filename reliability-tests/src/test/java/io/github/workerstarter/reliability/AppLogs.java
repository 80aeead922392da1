package io.github.workerstarter.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the instances' logs say: the payments they took (the sample logs each charge) and their ERROR lines. */
final class AppLogs {

	private static final Pattern CHARGE = Pattern.compile("Charged \\S+ to \\S+ for (order-[0-9a-f-]+) on attempt (\\d+)");

	// Boot's console format: <timestamp> <level> <pid> --- ...
	private static final Pattern ERROR = Pattern.compile("^\\S+\\s+ERROR\\s");

	private final List<String> lines = new ArrayList<>();

	private AppLogs() {
	}

	static AppLogs of(Collection<SampleApp> apps) {
		AppLogs logs = new AppLogs();
		for (SampleApp app : apps) {
			logs.read(app.log());
		}
		return logs;
	}

	private void read(Path log) {
		try {
			if (Files.exists(log)) {
				this.lines.addAll(Files.readAllLines(log));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Charges per order, over all instances. */
	Map<String, Integer> chargesByOrder() {
		Map<String, Integer> charges = new HashMap<>();
		for (String line : this.lines) {
			Matcher charge = CHARGE.matcher(line);
			if (charge.find()) {
				charges.merge(charge.group(1), 1, Integer::sum);
			}
		}
		return charges;
	}

	/** Orders charged more than once (at-least-once execution of the payment activity). */
	long duplicateCharges() {
		return chargesByOrder().values().stream().filter((count) -> count > 1).count();
	}

	List<String> errorLines() {
		return this.lines.stream().filter((line) -> ERROR.matcher(line).find()).toList();
	}

	long count(String text) {
		return this.lines.stream().filter((line) -> line.contains(text)).count();
	}

}
