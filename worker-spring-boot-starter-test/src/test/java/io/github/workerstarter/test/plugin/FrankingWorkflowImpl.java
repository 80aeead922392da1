package io.github.workerstarter.test.plugin;

import java.time.Duration;

import io.temporal.workflow.Workflow;

/** Registered by the plugin itself (not a bean): waits an hour, then franks. */
public class FrankingWorkflowImpl implements FrankingWorkflow {

	@Override
	public String frank(String letter) {
		Workflow.sleep(Duration.ofHours(1));
		return letter + " franked";
	}

}
