package io.github.workerstarter.determinism.corpus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static io.github.workerstarter.determinism.HazardCategory.IO;

/** Workflows that do I/O, one way each. */
final class IoCorpus {

	private IoCorpus() {
	}

	@Hazard(category = IO, api = "java.nio.file.Files.readString", method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		@Override
		public String run(String input) {
			try {
				return Files.readString(Path.of(input)); // hazard: IoCorpus.Direct
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	@Hazard(category = IO, api = "java.net.http.HttpClient.newHttpClient", in = RateTable.class, method = "client",
			reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return RateTable.load(input);
		}

	}

	static final class RateTable {

		static String load(String currency) {
			return currency + client();
		}

		static Object client() {
			return HttpClient.newHttpClient(); // hazard: IoCorpus.Helper
		}

	}

	@Hazard(category = IO, api = "org.springframework.jdbc.core.JdbcTemplate.queryForObject",
			in = JdbcCustomerDirectory.class, method = "name", reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final CustomerDirectory customers;

		InjectedBean(CustomerDirectory customers) {
			this.customers = customers;
		}

		@Override
		public String run(String input) {
			return this.customers.name(input);
		}

	}

	interface CustomerDirectory {

		String name(String customerId);

	}

	/** A bean: the lookup answers it for {@link CustomerDirectory}; its JdbcTemplate is its own business. */
	static class JdbcCustomerDirectory implements CustomerDirectory {

		private final JdbcTemplate jdbc;

		JdbcCustomerDirectory(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String name(String customerId) {
			return this.jdbc.queryForObject("select name from customer where id = ?", String.class, // hazard: IoCorpus.InjectedBean
					customerId);
		}

	}

	@Hazard(category = IO, api = "java.sql.DriverManager.getConnection", in = Connecting.class, method = "connect",
			reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Connecting {

		@Override
		public String run(String input) {
			return connect(input);
		}

	}

	interface Connecting {

		default String connect(String url) {
			try {
				return String.valueOf(DriverManager.getConnection(url)); // hazard: IoCorpus.DefaultMethod
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	@Hazard(category = IO, api = "java.io.File.<init>", method = "lambda$run$0", reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return List.of(input).stream()
				.filter((path) -> new File(path).exists()) // hazard: IoCorpus.StreamLambda
				.findFirst()
				.orElse("");
		}

	}

	@Hazard(category = IO, api = "org.springframework.web.client.RestTemplate.<init>", method = "<init>",
			reach = Reach.CONSTRUCTOR)
	static class FieldInitializer implements CorpusWorkflow {

		private final RestTemplate rest = new RestTemplate(); // hazard: IoCorpus.FieldInitializer

		@Override
		public String run(String input) {
			return input + (this.rest != null);
		}

	}

	@Hazard(category = IO, api = "org.springframework.web.client.RestClient.create", in = RemoteBase.class,
			method = "fetch", reach = Reach.SUPERCLASS)
	static class Superclass extends RemoteBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return fetch(input);
		}

	}

	abstract static class RemoteBase {

		protected String fetch(String url) {
			return RestClient.create().get().uri(url).retrieve().body(String.class); // hazard: IoCorpus.Superclass
		}

	}

	@Hazard(category = IO, api = "io.github.workerstarter.determinism.corpus.IoCorpus$OrderRepository.findById",
			in = OrderArchive.class, method = "exists", reach = Reach.INJECTED_BEAN)
	static class Repository implements CorpusWorkflow {

		private final OrderArchive archive;

		Repository(OrderArchive archive) {
			this.archive = archive;
		}

		@Override
		public String run(String input) {
			return input + this.archive.exists(input);
		}

	}

	/** An application service (a bean) in front of a Spring Data repository. */
	static class OrderArchive {

		private final OrderRepository orders;

		OrderArchive(OrderRepository orders) {
			this.orders = orders;
		}

		boolean exists(String orderId) {
			return this.orders.findById(orderId).isPresent(); // hazard: IoCorpus.Repository
		}

	}

	interface OrderRepository extends org.springframework.data.repository.Repository<String, String> {

		java.util.Optional<String> findById(String id);

	}

}
