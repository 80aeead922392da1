package io.github.workerstarter.sample.order.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.lifecycle.DrainTimeout;
import io.github.workerstarter.sample.order.OrderApplication;
import io.github.workerstarter.testing.TaskQueueStatsServerConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kubernetes manifests in ops/k8s checked against the application they deploy: each Deployment's environment is
 * given to the sample as real environment variables and the sample started in that role; every probe path and the
 * Prometheus scrape path answer on the container port the application listens on; the grace period covers the
 * shutdown phase the drain runs in; every environment variable binds to a property the application reads; Services and
 * autoscalers point at what exists; the KEDA trigger names the server, namespace, queue and task types the pod runs,
 * whose backlog the pod reports (against a real gRPC server answering DescribeTaskQueue in front of the test server,
 * which does not implement it).
 */
class KubernetesManifestsTests {

	private static final Path K8S = Path.of("ops", "k8s");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");

	private static final Pattern PRE_STOP_SLEEP = Pattern.compile("sleep (\\d+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void eachDeploymentRunsItsRoleWithProbesAndScrapeOnItsContainerPort() throws Exception {
		Map<String, Set<String>> queuesByDeployment = Map.of("order-service", Set.of("order-task-queue"),
				"payment-worker", Set.of("payment-task-queue"));
		List<Map<String, Object>> deployments = objects("Deployment");
		assertThat(deployments).extracting(KubernetesManifestsTests::name)
			.containsExactlyInAnyOrderElementsOf(queuesByDeployment.keySet());
		for (Map<String, Object> deployment : deployments) {
			String name = name(deployment);
			Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
			Map<String, Object> container = container(deployment);
			int containerPort = (Integer) map(list(container, "ports").get(0)).get("containerPort");
			try (ConfigurableApplicationContext app = start(environment(container))) {
				// nothing sets server.port: the application listens on Boot's 8080, the container port
				assertThat(configuredOutsideTheTest(app, "server.port")).as(name + " server.port").isNull();
				assertThat(containerPort).as(name).isEqualTo(8080);
				int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

				for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
					Map<String, Object> httpGet = map(map(container, probe), "httpGet");
					assertThat(portOf(container, httpGet.get("port"))).as(name + " " + probe + " port").isEqualTo(containerPort);
					assertThat(get(port, (String) httpGet.get("path")).statusCode()).as(name + " " + probe).isEqualTo(200);
				}
				Map<String, Object> annotations = map(map(map(map(deployment, "spec"), "template"), "metadata"), "annotations");
				assertThat(annotations).containsEntry("prometheus.io/scrape", "true");
				assertThat(Integer.parseInt((String) annotations.get("prometheus.io/port"))).isEqualTo(containerPort);
				assertThat(get(port, (String) annotations.get("prometheus.io/path")).body()).contains("temporal_worker_state");

				// the role: only its own worker polls
				JsonNode workers = json.readTree(get(port, "/actuator/temporal").body()).get("workers");
				assertThat(Set.copyOf(workers.propertyNames())).as(name + " workers").isEqualTo(queuesByDeployment.get(name));

				// SIGKILL comes after the grace period: it must cover the preStop sleep and the whole shutdown phase,
				// and the worker drain runs inside that phase
				Duration phase = app.getEnvironment()
					.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class, Duration.ofSeconds(30));
				Duration drain = DrainTimeout.resolve(app.getBean(TemporalProperties.class).shutdown(), app.getEnvironment());
				Duration grace = Duration.ofSeconds((Integer) pod.get("terminationGracePeriodSeconds"));
				assertThat(drain).as(name + " drain timeout").isLessThan(phase);
				assertThat(grace).as(name + " terminationGracePeriodSeconds")
					.isGreaterThan(preStopSleep(container).plus(phase))
					.isGreaterThan(drain);
				if (name.equals("payment-worker")) {
					slotAutoscalerMatchesTheScrape(port, app);
					backlogScalerMatchesThePod(port, app, environment(container), workers);
				}
			}
		}
	}

	// payment-worker-slots-hpa.yaml: the gauge it scales on exists with the labels it selects, and its target is
	// below the slots a pod has
	private void slotAutoscalerMatchesTheScrape(int port, ConfigurableApplicationContext app) {
		Map<String, Object> metric = objects("HorizontalPodAutoscaler").stream()
			.flatMap((hpa) -> list(map(hpa, "spec"), "metrics").stream())
			.map(KubernetesManifestsTests::map)
			.filter((entry) -> "Pods".equals(entry.get("type")))
			.map((entry) -> map(entry, "pods"))
			.findFirst()
			.orElseThrow();
		String metricName = (String) map(metric, "metric").get("name");
		Map<String, Object> labels = map(map(map(metric, "metric"), "selector"), "matchLabels");
		await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/actuator/prometheus").body().lines()
			.anyMatch((line) -> line.startsWith(metricName + "{") && labels.entrySet()
				.stream()
				.allMatch((label) -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""))));
		int slots = app.getBean(TemporalProperties.class).workersByTaskQueue().get("payment-task-queue").maxConcurrentActivities();
		assertThat(Integer.parseInt((String) map(metric, "target").get("averageValue"))).isLessThan(slots);
	}

	// payment-worker-keda.yaml: KEDA asks the pod's server, in the pod's namespace, about the queue the pod polls and
	// the task types its worker runs; the pod reports the backlog of that same queue and types
	private void backlogScalerMatchesThePod(int port, ConfigurableApplicationContext app, Map<String, String> env,
			JsonNode workers) {
		Map<String, Object> scaledObject = objects("ScaledObject").stream()
			.filter((object) -> "payment-worker".equals(map(map(object, "spec"), "scaleTargetRef").get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No ScaledObject scales payment-worker"));
		Map<String, Object> trigger = map(list(map(scaledObject, "spec"), "triggers").get(0));
		assertThat(trigger).containsEntry("type", "temporal");
		Map<String, Object> metadata = map(trigger, "metadata");
		assertThat(metadata.get("endpoint")).isEqualTo(env.get("TEMPORAL_TARGET"));
		assertThat(metadata.get("namespace")).isEqualTo(env.get("TEMPORAL_NAMESPACE"))
			.isEqualTo(app.getBean(TemporalProperties.class).namespace());
		String taskQueue = (String) metadata.get("taskQueue");
		assertThat(Set.copyOf(workers.propertyNames())).contains(taskQueue);
		JsonNode worker = workers.get(taskQueue);
		Set<String> runs = new HashSet<>();
		if (!worker.get("workflows").isEmpty()) {
			runs.add("workflow");
		}
		if (!worker.get("activities").isEmpty()) {
			runs.add("activity");
		}
		assertThat(Set.of(((String) metadata.get("queueTypes")).split(","))).isEqualTo(runs);
		assertThat(Integer.parseInt((String) metadata.get("targetQueueSize"))).isPositive();
		for (String type : runs) {
			await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/actuator/prometheus").body().lines()
				.anyMatch((line) -> line.startsWith("temporal_task_queue_backlog_count{")
						&& line.contains("task_queue=\"" + taskQueue + "\"")
						&& line.contains("task_queue_type=\"" + type + "\"")));
		}
	}

	@Test
	void everyEnvironmentVariableBindsToAPropertyTheApplicationReads() throws IOException {
		Set<String> properties = knownProperties();
		Set<String> placeholders = placeholders();
		for (Map<String, Object> deployment : objects("Deployment")) {
			for (Map.Entry<String, String> variable : environment(container(deployment)).entrySet()) {
				ConfigurationPropertySource source = ConfigurationPropertySources
					.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of(variable.getKey(), variable.getValue())))
					.iterator()
					.next();
				boolean bound = placeholders.contains(variable.getKey()) || properties.stream()
					.filter(ConfigurationPropertyName::isValid)
					.map(ConfigurationPropertyName::of)
					.map(source::getConfigurationProperty)
					.anyMatch((property) -> property != null);
				assertThat(bound).as(name(deployment) + ": environment variable " + variable.getKey()
						+ " binds to no property of the application (configuration metadata, or a ${...} placeholder "
						+ "in application.yml)")
					.isTrue();
			}
		}
	}

	@Test
	void servicesAndAutoscalersPointAtWhatExists() {
		Map<String, Map<String, Object>> deployments = new HashMap<>();
		objects("Deployment").forEach((deployment) -> deployments.put(name(deployment), deployment));
		for (Map<String, Object> service : objects("Service")) {
			Map<String, Object> selector = map(map(service, "spec"), "selector");
			Map<String, Object> target = deployments.values()
				.stream()
				.filter((deployment) -> map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels").entrySet()
					.containsAll(selector.entrySet()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("Service " + name(service) + " selects no Deployment's pods"));
			for (Object port : list(map(service, "spec"), "ports")) {
				assertThat(portOf(container(target), map(port).get("targetPort"))).isPositive();
			}
		}
		for (Map<String, Object> hpa : objects("HorizontalPodAutoscaler")) {
			Map<String, Object> spec = map(hpa, "spec");
			String target = (String) map(spec, "scaleTargetRef").get("name");
			assertThat(deployments).as("HPA " + name(hpa) + " target").containsKey(target);
			boolean onCpu = list(spec, "metrics").stream().anyMatch((metric) -> "Resource".equals(map(metric).get("type")));
			if (onCpu) {
				// utilization is relative to the CPU request
				assertThat(map(map(container(deployments.get(target)), "resources"), "requests")).containsKey("cpu");
			}
			assertThat((Integer) spec.get("minReplicas")).isLessThanOrEqualTo((Integer) spec.get("maxReplicas"));
		}
		for (Map<String, Object> scaledObject : objects("ScaledObject")) {
			Map<String, Object> spec = map(scaledObject, "spec");
			assertThat(deployments).as("ScaledObject " + name(scaledObject) + " target")
				.containsKey((String) map(spec, "scaleTargetRef").get("name"));
			assertThat((Integer) spec.get("minReplicaCount")).isLessThanOrEqualTo((Integer) spec.get("maxReplicaCount"));
		}
	}

	private ConfigurableApplicationContext start(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> all = new HashMap<>(System.getenv());
		all.putAll(variables);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, all));
		// what only the test changes: no cluster here (the in-process server instead), any free port, gauges soon
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("temporal.target", "embedded", "server.port", "0",
					"temporal.metrics.report-interval", "1s", "temporal.scaling.backlog.interval", "1s",
					"temporal.scaling.backlog.timeout", "1s", "temporal.test.environment.enabled", "false")));
		// the SDK's test server does not answer DescribeTaskQueue: a gRPC server in front of the embedded one does
		return new SpringApplicationBuilder(OrderApplication.class, TaskQueueStatsServerConfiguration.class)
			.environment(environment)
			.run();
	}

	private static Object configuredOutsideTheTest(ConfigurableApplicationContext app, String property) {
		for (PropertySource<?> source : app.getEnvironment().getPropertySources()) {
			if (!source.getName().equals("test") && !source.getName().equals("server.ports")
					&& !source.getName().equals("configurationProperties") && source.containsProperty(property)) {
				return source.getProperty(property);
			}
		}
		return null;
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	// a probe's or Service's port: a number, or the name of a container port
	private static int portOf(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		return list(container, "ports").stream()
			.map(KubernetesManifestsTests::map)
			.filter((entry) -> port.equals(entry.get("name")))
			.map((entry) -> (Integer) entry.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container port named " + port));
	}

	private static Duration preStopSleep(Map<String, Object> container) {
		List<Object> command = list(map(map(map(container, "lifecycle"), "preStop"), "exec"), "command");
		Matcher sleep = PRE_STOP_SLEEP.matcher(String.join(" ", command.stream().map(String::valueOf).toList()));
		assertThat(sleep.find()).as("preStop sleeps").isTrue();
		return Duration.ofSeconds(Long.parseLong(sleep.group(1)));
	}

	private static Map<String, String> environment(Map<String, Object> container) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (Object entry : list(container, "env")) {
			variables.put((String) map(entry).get("name"), String.valueOf(map(entry).get("value")));
		}
		return variables;
	}

	/** Every property name in the configuration metadata on the class path: Boot's, the starter's, the sample's. */
	private static Set<String> knownProperties() throws IOException {
		Set<String> names = new HashSet<>();
		for (String file : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : Collections.list(KubernetesManifestsTests.class.getClassLoader().getResources(file))) {
				try (InputStream in = url.openStream()) {
					JsonNode properties = json.readTree(in).get("properties");
					if (properties != null) {
						properties.forEach((property) -> names.add(property.get("name").asString()));
					}
				}
			}
		}
		assertThat(names).contains("temporal.target", "orders.payment-failure-rate", "spring.profiles.active");
		return names;
	}

	private static Set<String> placeholders() throws IOException {
		Set<String> names = new HashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(Files.readString(Path.of("src", "main", "resources", "application.yml")));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static List<Map<String, Object>> objects(String kind) {
		List<Map<String, Object>> objects = new ArrayList<>();
		try (Stream<Path> files = Files.list(K8S)) {
			for (Path file : files.sorted().toList()) {
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					if (document instanceof Map<?, ?> object && kind.equals(object.get("kind"))) {
						objects.add(map(object));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return objects;
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Object> containers = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers");
		assertThat(containers).hasSize(1);
		return map(containers.get(0));
	}

	private static String name(Map<String, Object> object) {
		return (String) map(object, "metadata").get("name");
	}

	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object child = parent.get(key);
		assertThat(child).as(key).isInstanceOf(Map.class);
		return map(child);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object object) {
		return (Map<String, Object>) object;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> parent, String key) {
		Object child = parent.get(key);
		assertThat(child).as(key).isInstanceOf(List.class);
		return (List<Object>) child;
	}

}
