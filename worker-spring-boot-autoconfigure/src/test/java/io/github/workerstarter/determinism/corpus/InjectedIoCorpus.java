package io.github.workerstarter.determinism.corpus;

import java.net.http.HttpClient;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static io.github.workerstarter.determinism.HazardCategory.INJECTED_IO;

/** Workflow beans given an I/O client by Spring: reported even though no workflow code calls it. */
final class InjectedIoCorpus {

	private InjectedIoCorpus() {
	}

	@Hazard(category = INJECTED_IO, api = "org.springframework.jdbc.core.JdbcTemplate", method = "<init>",
			reach = Reach.INJECTED_BEAN)
	static class ConstructorParameter implements CorpusWorkflow {

		ConstructorParameter(JdbcTemplate jdbc) { // hazard: InjectedIoCorpus.ConstructorParameter
		}

		@Override
		public String run(String input) {
			return input;
		}

	}

	@Hazard(category = INJECTED_IO, api = "org.springframework.jdbc.core.simple.JdbcClient", method = "<init>",
			reach = Reach.INJECTED_BEAN)
	static class ProviderParameter implements CorpusWorkflow {

		ProviderParameter(ObjectProvider<JdbcClient> jdbc) { // hazard: InjectedIoCorpus.ProviderParameter
		}

		@Override
		public String run(String input) {
			return input;
		}

	}

	@Hazard(category = INJECTED_IO, api = "io.github.workerstarter.determinism.corpus.IoCorpus$OrderRepository",
			method = "<init>", reach = Reach.INJECTED_BEAN)
	static class RepositoryParameter implements CorpusWorkflow {

		RepositoryParameter(IoCorpus.OrderRepository orders) { // hazard: InjectedIoCorpus.RepositoryParameter
		}

		@Override
		public String run(String input) {
			return input;
		}

	}

	@Hazard(category = INJECTED_IO, api = "org.springframework.web.client.RestClient", method = "restClient",
			reach = Reach.INJECTED_BEAN)
	static class Field implements CorpusWorkflow { // hazard: InjectedIoCorpus.Field

		@Autowired
		private RestClient restClient;

		@Override
		public String run(String input) {
			return input;
		}

	}

	@Hazard(category = INJECTED_IO, api = "java.net.http.HttpClient", method = "setHttpClient",
			reach = Reach.INJECTED_BEAN)
	static class Setter implements CorpusWorkflow {

		private Object client;

		@Autowired
		void setHttpClient(HttpClient client) {
			this.client = client; // hazard: InjectedIoCorpus.Setter
		}

		@Override
		public String run(String input) {
			return input + (this.client != null);
		}

	}

	@Hazard(category = INJECTED_IO, api = "javax.sql.DataSource", in = DataBase.class, method = "dataSource",
			reach = Reach.SUPERCLASS)
	static class Superclass extends DataBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input;
		}

	}

	abstract static class DataBase { // hazard: InjectedIoCorpus.Superclass

		@Autowired
		protected DataSource dataSource;

	}

}
