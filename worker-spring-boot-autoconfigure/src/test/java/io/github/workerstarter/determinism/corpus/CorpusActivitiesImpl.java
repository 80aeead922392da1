package io.github.workerstarter.determinism.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An activity bean: I/O belongs here, and a workflow's call through its stub must not reach it. */
public class CorpusActivitiesImpl implements CorpusActivities {

	@Override
	public String load(String path) {
		try {
			return Files.readString(Path.of(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
