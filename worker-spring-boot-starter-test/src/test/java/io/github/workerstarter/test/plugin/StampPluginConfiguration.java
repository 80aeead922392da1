package io.github.workerstarter.test.plugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.SimplePlugin;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;

/** The plugin bean, as an application declares one: not annotated, found by the slice all the same. */
@Configuration(proxyBeanMethods = false)
public class StampPluginConfiguration {

	@Bean
	StampLog stampLog() {
		return new StampLog();
	}

	@Bean
	SimplePlugin stampPlugin(StampLog log) {
		return SimplePlugin.newBuilder("post.stamps")
			.addClientInterceptors(new WorkflowClientInterceptorBase() {

				@Override
				public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
					return new WorkflowClientCallsInterceptorBase(next) {

						@Override
						public WorkflowStartOutput start(WorkflowStartInput input) {
							log.record("start " + input.getWorkflowId());
							return super.start(input);
						}

					};
				}

			})
			.addWorkerInterceptors(new WorkerInterceptorBase() {

				@Override
				public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
					return new ActivityInboundCallsInterceptorBase(next) {

						private ActivityExecutionContext context;

						@Override
						public void init(ActivityExecutionContext context) {
							this.context = context;
							super.init(context);
						}

						@Override
						public ActivityOutput execute(ActivityInput input) {
							log.record("activity " + this.context.getInfo().getActivityType() + " for "
									+ this.context.getInfo().getWorkflowId());
							return super.execute(input);
						}

					};
				}

			})
			.onReplayWorkflowExecution((worker, history) -> log.record("replayed "
					+ history.getWorkflowExecution().getWorkflowId()))
			.registerWorkflowImplementationTypes(FrankingWorkflowImpl.class)
			.build();
	}

}
