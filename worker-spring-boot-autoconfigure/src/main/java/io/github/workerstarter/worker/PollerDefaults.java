package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.config.WorkerProperties;
import io.github.workerstarter.connection.ServerProbe;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehavior;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import io.temporal.worker.tuning.PollerBehaviorSimpleMaximum;

/**
 * The pollers of workers whose own poller settings are unset ({@code temporal.pollers}). The SDK gives every worker
 * 5 workflow and 5 activity pollers, each a platform thread blocked in a long poll: 11 threads per queue with the
 * executors' keeper, about 2200 and 470 MB of RSS for 200 idle queues (BENCHMARKS.md, growth). Where the namespace
 * advertises poller autoscaling, such workers scale their pollers with the server's hints; elsewhere the workers of
 * a namespace share a budget of pollers of each kind, so one or two queues keep the SDK's 5 and many queues fall to
 * what an idle queue needs: one outstanding poll of each kind (two for workflows, whose normal and sticky queues are
 * polled by the same pollers; the SDK refuses fewer).
 */
public final class PollerDefaults {

	private static final Log logger = LogFactory.getLog(PollerDefaults.class);

	/** The SDK's default count of each kind, the most a share of the budget gives. */
	static final int SDK_POLLERS = 5;

	/** The SDK raises a single workflow poller to 2 (the sticky and the normal queue each need one). */
	static final int MIN_WORKFLOW_POLLERS = 2;

	static final int MIN_ACTIVITY_POLLERS = 1;

	/** Leaves every poller to the SDK: an application without a probe, or a registry built by hand. */
	public static final PollerDefaults SDK = new PollerDefaults(new TemporalProperties.Pollers(false, 0),
			(alias) -> null, Duration.ZERO);

	private final TemporalProperties.Pollers settings;

	private final Function<String, @Nullable ServerProbe> probes;

	private final Duration timeout;

	/**
	 * @param settings {@code temporal.pollers}
	 * @param probes the probe of a namespace's server, by alias (null: do not ask, e.g. the embedded server or a
	 * training run: autoscaling counts as not advertised)
	 * @param timeout the startup check's deadline, should it not have been asked yet
	 */
	public PollerDefaults(TemporalProperties.Pollers settings, Function<String, @Nullable ServerProbe> probes,
			Duration timeout) {
		this.settings = settings;
		this.probes = probes;
		this.timeout = timeout;
	}

	/**
	 * The default pollers of one worker, applied only where the options (properties and customizers) leave them
	 * unset.
	 *
	 * @param workflow the workflow pollers, or null for the SDK's default
	 * @param activity the activity pollers, or null for the SDK's default
	 */
	record Choice(@Nullable PollerBehavior workflow, @Nullable PollerBehavior activity) {

		static final Choice SDK = new Choice(null, null);

		/**
		 * Sets the chosen pollers on options that leave them unset, after the customizers ran: a customizer that
		 * chose a count or a behaviour would otherwise meet ours, and the SDK refuses both together.
		 * @param builder the worker's options
		 */
		void applyTo(WorkerOptions.Builder builder) {
			WorkerOptions sofar = builder.build();
			if (this.workflow != null && sofar.getMaxConcurrentWorkflowTaskPollers() == 0
					&& sofar.getWorkflowTaskPollersBehavior() == null) {
				if (this.workflow instanceof PollerBehaviorAutoscaling) {
					builder.setWorkflowTaskPollersBehavior(this.workflow);
				}
				else {
					builder.setMaxConcurrentWorkflowTaskPollers(count(this.workflow));
				}
			}
			if (this.activity != null && sofar.getMaxConcurrentActivityTaskPollers() == 0
					&& sofar.getActivityTaskPollersBehavior() == null) {
				if (this.activity instanceof PollerBehaviorAutoscaling) {
					builder.setActivityTaskPollersBehavior(this.activity);
				}
				else {
					builder.setMaxConcurrentActivityTaskPollers(count(this.activity));
				}
			}
		}

		private static int count(PollerBehavior behavior) {
			return ((PollerBehaviorSimpleMaximum) behavior).getMaxConcurrentTaskPollers();
		}

	}

	/**
	 * Chooses the pollers of each worker, namespace by namespace. May ask a namespace's server at startup (the one
	 * startup check, shared with the lifecycle).
	 * @param entries the workers to be built
	 * @param pollWorkflows names of the entries that will poll workflow tasks
	 * @param pollActivities names of the entries that will poll activity tasks
	 * @param namespaceNames the Temporal namespace of an alias, for the log
	 * @return the choice by entry name; entries without one keep the SDK's defaults
	 */
	Map<String, Choice> choose(List<WorkerEntry> entries, Set<String> pollWorkflows, Set<String> pollActivities,
			Function<String, String> namespaceNames) {
		Map<String, List<WorkerEntry>> byNamespace = new LinkedHashMap<>();
		entries.forEach((entry) -> byNamespace.computeIfAbsent(entry.namespace(), (alias) -> new ArrayList<>())
			.add(entry));
		Map<String, Choice> choices = new LinkedHashMap<>();
		byNamespace.forEach((alias, inNamespace) -> {
			List<WorkerEntry> workflowUnset = inNamespace.stream()
				.filter((entry) -> pollWorkflows.contains(entry.name()) && workflowPollersUnset(entry.properties()))
				.toList();
			List<WorkerEntry> activityUnset = inNamespace.stream()
				.filter((entry) -> pollActivities.contains(entry.name()) && activityPollersUnset(entry.properties()))
				.toList();
			if (workflowUnset.isEmpty() && activityUnset.isEmpty()) {
				return;
			}
			PollerBehavior workflow;
			PollerBehavior activity;
			if (this.settings.autoscaling() && advertisesAutoscaling(alias)) {
				// the SDK's own autoscaling defaults (1 to 100 pollers, 5 at start): the server's hints move them
				workflow = new PollerBehaviorAutoscaling();
				activity = workflow;
				logger.info("Temporal namespace '" + namespaceNames.apply(alias) + "' advertises poller autoscaling: "
						+ workflowUnset.size() + " workers poll workflow tasks and " + activityUnset.size()
						+ " activity tasks with autoscaling pollers (temporal.pollers.autoscaling; the SDK would give "
						+ "each 5 and 5).");
			}
			else {
				workflow = share(workflowUnset.size(), MIN_WORKFLOW_POLLERS);
				activity = share(activityUnset.size(), MIN_ACTIVITY_POLLERS);
				if (workflow != null || activity != null) {
					logger.info("Temporal namespace '" + namespaceNames.apply(alias) + "': " + workflowUnset.size()
							+ " workers poll workflow tasks and " + activityUnset.size() + " activity tasks, sharing "
							+ "temporal.pollers.budget=" + this.settings.budget() + ": " + describe(workflow)
							+ " workflow and " + describe(activity) + " activity pollers each (the SDK gives each worker 5 "
							+ "and 5). Set temporal.worker-defaults.workflow-pollers and activity-pollers, or a worker's "
							+ "own, to choose.");
				}
			}
			for (WorkerEntry entry : inNamespace) {
				Choice choice = new Choice(workflowUnset.contains(entry) ? workflow : null,
						activityUnset.contains(entry) ? activity : null);
				if (!choice.equals(Choice.SDK)) {
					choices.put(entry.name(), choice);
				}
			}
		});
		return choices;
	}

	// the budget divided among the workers polling one kind, between the minimum and the SDK's default (which is
	// then left unset, so the SDK may still enrol the worker in autoscaling by itself)
	private @Nullable PollerBehavior share(int workers, int minimum) {
		if (this.settings.budget() == 0 || workers == 0) {
			return null;
		}
		int share = Math.max(minimum, Math.min(SDK_POLLERS, this.settings.budget() / workers));
		return (share == SDK_POLLERS) ? null : new PollerBehaviorSimpleMaximum(share);
	}

	private boolean advertisesAutoscaling(String alias) {
		ServerProbe probe = this.probes.apply(alias);
		if (probe == null) {
			return false;
		}
		// a server that does not answer leaves the capability unknown: the budget then applies
		return probe.startupCheck(this.timeout).isReachable() && probe.advertisesPollerAutoscaling();
	}

	private static boolean workflowPollersUnset(WorkerProperties properties) {
		return properties.workflowPollers() == null && properties.workflowPollerAutoscaling() == null;
	}

	private static boolean activityPollersUnset(WorkerProperties properties) {
		return properties.activityPollers() == null && properties.activityPollerAutoscaling() == null;
	}

	private static String describe(@Nullable PollerBehavior behavior) {
		return (behavior == null) ? String.valueOf(SDK_POLLERS) : String.valueOf(Choice.count(behavior));
	}

}
