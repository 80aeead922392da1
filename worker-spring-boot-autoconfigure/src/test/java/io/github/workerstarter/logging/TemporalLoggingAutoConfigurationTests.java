package io.github.workerstarter.logging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.fixtures.audit.AuditActivitiesImpl;
import io.github.workerstarter.fixtures.audit.AuditFixtures;
import io.github.workerstarter.fixtures.audit.AuditWorkflow;
import io.github.workerstarter.fixtures.audit.AuditWorkflowImpl;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TemporalLoggingAutoConfigurationTests {

	private final RecordingAppender workflowLog = RecordingAppender.on(AuditWorkflowImpl.class);

	private final RecordingAppender activityLog = RecordingAppender.on(AuditActivitiesImpl.class);

	private final ApplicationContextRunner runner = runner().withUserConfiguration(AuditFixtures.class)
		.withPropertyValues("temporal.target=embedded", "temporal.workers.audits.identity=test");

	@AfterEach
	void detach() {
		this.workflowLog.close();
		this.activityLog.close();
	}

	@Test
	void activityLinesCarryWhatTheSdkPutsInTheMdc() {
		this.runner.run((context) -> {
			AuditFixtures.audit(context, "audit-activity", "invoice-1");
			String runId = context.getBean(WorkflowClient.class)
				.newUntypedWorkflowStub("audit-activity")
				.describe()
				.getExecution()
				.getRunId();
			assertThat(this.activityLog.line("Recording invoice-1").mdc()).contains(entry("WorkflowId", "audit-activity"),
					entry("RunId", runId), entry("WorkflowType", "Audit"), entry("ActivityType", "Record"),
					entry("TaskQueue", "audits"), entry("Namespace", "default"), entry("Attempt", "1"))
				.containsKey("ActivityId");
		});
	}

	@Test
	void workflowLinesGetTheAttemptOnEveryWorkflowThread() {
		this.runner.run((context) -> {
			WorkflowClient client = context.getBean(WorkflowClient.class);
			AuditWorkflow workflow = client.newWorkflowStub(AuditWorkflow.class, WorkflowOptions.newBuilder()
				.setTaskQueue("audits")
				.setWorkflowId("audit-workflow")
				.setWorkflowRunTimeout(Duration.ofSeconds(30))
				.build());
			BatchRequest start = client.newSignalWithStartRequest();
			start.add(workflow::audit, "invoice-2");
			start.add(workflow::note, "urgent");
			client.signalWithStart(start);
			assertThat(WorkflowStub.fromTyped(workflow).getResult(String.class)).isEqualTo("recorded invoice-2");
			// the workflow method's thread, an Async thread, a signal handler's callback thread
			for (String message : List.of("Audit of invoice-2 started", "Audit of invoice-2 checked",
					"Audit of invoice-2 finished", "Note: urgent")) {
				assertThat(this.workflowLog.line(message).mdc()).as(message)
					.contains(entry("WorkflowId", "audit-workflow"),
						entry("WorkflowType", "Audit"), entry("TaskQueue", "audits"), entry("Namespace", "default"),
						entry("Attempt", "1"))
					.containsKey("RunId")
					.doesNotContainKey("ActivityType");
			}
		});
	}

	@Test
	void offWhenDisabled() {
		this.runner.withPropertyValues("temporal.logging.mdc.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(WorkflowMdcInterceptor.class);
			AuditFixtures.audit(context, "audit-disabled", "invoice-3");
			// the SDK's own keys only
			assertThat(this.workflowLog.line("Audit of invoice-3 started").mdc()).containsKey("WorkflowId")
				.doesNotContainKey("Attempt");
		});
	}

	@Test
	void runsBesideTheApplicationsInterceptorsAndAddsNoLinesOnReplay() {
		AtomicInteger intercepted = new AtomicInteger();
		WorkerInterceptor own = new WorkerInterceptorBase() {
			@Override
			public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
				intercepted.incrementAndGet();
				return next;
			}
		};
		this.runner
			.withBean("ownInterceptor", WorkerInterceptor.class, () -> own)
			.run((context) -> {
				AuditFixtures.audit(context, "audit-replayed", "invoice-4");
				int workflowInstances = intercepted.get();
				assertThat(workflowInstances).isPositive();
				assertThat(this.workflowLog.line("Audit of invoice-4 finished").mdc()).containsEntry("Attempt", "1");
				// a query on a closed workflow replays its whole history on a new instance
				AuditWorkflow closed = context.getBean(WorkflowClient.class)
					.newWorkflowStub(AuditWorkflow.class, "audit-replayed");
				assertThat(closed.status()).isEqualTo("FINISHED");
				assertThat(intercepted).hasValueGreaterThan(workflowInstances);
				// the replay ran every log statement again: none was written a second time
				assertThat(this.workflowLog.lines()).extracting(RecordingAppender.Line::message)
					.containsExactlyInAnyOrder("Audit of invoice-4 started", "Audit of invoice-4 checked",
							"Audit of invoice-4 finished");
			});
	}

}
