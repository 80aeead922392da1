package io.github.workerstarter.benchmarks.growth;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * Registered on up to {@value GrowthQueues#MAX} queues by the starter: one placeholder per possible queue, each set
 * by {@link GrowthQueues} either to a queue of its own or to the first queue (duplicates collapse), so one class
 * serves any number of queues. An annotation attribute cannot be computed, hence the list.
 */
@WorkflowImpl(taskQueues = {
		"${growth.queue.0}", "${growth.queue.1}", "${growth.queue.2}", "${growth.queue.3}", "${growth.queue.4}",
		"${growth.queue.5}", "${growth.queue.6}", "${growth.queue.7}", "${growth.queue.8}", "${growth.queue.9}",
		"${growth.queue.10}", "${growth.queue.11}", "${growth.queue.12}", "${growth.queue.13}", "${growth.queue.14}",
		"${growth.queue.15}", "${growth.queue.16}", "${growth.queue.17}", "${growth.queue.18}", "${growth.queue.19}",
		"${growth.queue.20}", "${growth.queue.21}", "${growth.queue.22}", "${growth.queue.23}", "${growth.queue.24}",
		"${growth.queue.25}", "${growth.queue.26}", "${growth.queue.27}", "${growth.queue.28}", "${growth.queue.29}",
		"${growth.queue.30}", "${growth.queue.31}", "${growth.queue.32}", "${growth.queue.33}", "${growth.queue.34}",
		"${growth.queue.35}", "${growth.queue.36}", "${growth.queue.37}", "${growth.queue.38}", "${growth.queue.39}",
		"${growth.queue.40}", "${growth.queue.41}", "${growth.queue.42}", "${growth.queue.43}", "${growth.queue.44}",
		"${growth.queue.45}", "${growth.queue.46}", "${growth.queue.47}", "${growth.queue.48}", "${growth.queue.49}",
		"${growth.queue.50}", "${growth.queue.51}", "${growth.queue.52}", "${growth.queue.53}", "${growth.queue.54}",
		"${growth.queue.55}", "${growth.queue.56}", "${growth.queue.57}", "${growth.queue.58}", "${growth.queue.59}",
		"${growth.queue.60}", "${growth.queue.61}", "${growth.queue.62}", "${growth.queue.63}", "${growth.queue.64}",
		"${growth.queue.65}", "${growth.queue.66}", "${growth.queue.67}", "${growth.queue.68}", "${growth.queue.69}",
		"${growth.queue.70}", "${growth.queue.71}", "${growth.queue.72}", "${growth.queue.73}", "${growth.queue.74}",
		"${growth.queue.75}", "${growth.queue.76}", "${growth.queue.77}", "${growth.queue.78}", "${growth.queue.79}",
		"${growth.queue.80}", "${growth.queue.81}", "${growth.queue.82}", "${growth.queue.83}", "${growth.queue.84}",
		"${growth.queue.85}", "${growth.queue.86}", "${growth.queue.87}", "${growth.queue.88}", "${growth.queue.89}",
		"${growth.queue.90}", "${growth.queue.91}", "${growth.queue.92}", "${growth.queue.93}", "${growth.queue.94}",
		"${growth.queue.95}", "${growth.queue.96}", "${growth.queue.97}", "${growth.queue.98}", "${growth.queue.99}",
		"${growth.queue.100}", "${growth.queue.101}", "${growth.queue.102}", "${growth.queue.103}", "${growth.queue.104}",
		"${growth.queue.105}", "${growth.queue.106}", "${growth.queue.107}", "${growth.queue.108}", "${growth.queue.109}",
		"${growth.queue.110}", "${growth.queue.111}", "${growth.queue.112}", "${growth.queue.113}", "${growth.queue.114}",
		"${growth.queue.115}", "${growth.queue.116}", "${growth.queue.117}", "${growth.queue.118}", "${growth.queue.119}",
		"${growth.queue.120}", "${growth.queue.121}", "${growth.queue.122}", "${growth.queue.123}", "${growth.queue.124}",
		"${growth.queue.125}", "${growth.queue.126}", "${growth.queue.127}", "${growth.queue.128}", "${growth.queue.129}",
		"${growth.queue.130}", "${growth.queue.131}", "${growth.queue.132}", "${growth.queue.133}", "${growth.queue.134}",
		"${growth.queue.135}", "${growth.queue.136}", "${growth.queue.137}", "${growth.queue.138}", "${growth.queue.139}",
		"${growth.queue.140}", "${growth.queue.141}", "${growth.queue.142}", "${growth.queue.143}", "${growth.queue.144}",
		"${growth.queue.145}", "${growth.queue.146}", "${growth.queue.147}", "${growth.queue.148}", "${growth.queue.149}",
		"${growth.queue.150}", "${growth.queue.151}", "${growth.queue.152}", "${growth.queue.153}", "${growth.queue.154}",
		"${growth.queue.155}", "${growth.queue.156}", "${growth.queue.157}", "${growth.queue.158}", "${growth.queue.159}",
		"${growth.queue.160}", "${growth.queue.161}", "${growth.queue.162}", "${growth.queue.163}", "${growth.queue.164}",
		"${growth.queue.165}", "${growth.queue.166}", "${growth.queue.167}", "${growth.queue.168}", "${growth.queue.169}",
		"${growth.queue.170}", "${growth.queue.171}", "${growth.queue.172}", "${growth.queue.173}", "${growth.queue.174}",
		"${growth.queue.175}", "${growth.queue.176}", "${growth.queue.177}", "${growth.queue.178}", "${growth.queue.179}",
		"${growth.queue.180}", "${growth.queue.181}", "${growth.queue.182}", "${growth.queue.183}", "${growth.queue.184}",
		"${growth.queue.185}", "${growth.queue.186}", "${growth.queue.187}", "${growth.queue.188}", "${growth.queue.189}",
		"${growth.queue.190}", "${growth.queue.191}", "${growth.queue.192}", "${growth.queue.193}", "${growth.queue.194}",
		"${growth.queue.195}", "${growth.queue.196}", "${growth.queue.197}", "${growth.queue.198}", "${growth.queue.199}" })
public class GrowthWorkflowImpl implements GrowthWorkflow {

	private final GrowthActivities activities = Workflow.newActivityStub(GrowthActivities.class,
			ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

	@Override
	public String echo(String text) {
		return this.activities.echo(text);
	}

}
