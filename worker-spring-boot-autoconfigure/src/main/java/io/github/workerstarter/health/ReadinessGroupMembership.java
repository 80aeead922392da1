package io.github.workerstarter.health;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Adds the {@code temporal} contributor to the {@code readiness} group, whether that group comes from Boot's probes
 * or from {@code management.endpoint.health.group.readiness.*}: a pod whose workers cannot poll should not get
 * traffic. Liveness is left alone. Runs after Boot's own probe post-processor (the auto-configuration is ordered
 * after Boot's probes, and post-processors of equal order run in registration order).
 */
class ReadinessGroupMembership implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	private final List<String> members;

	ReadinessGroupMembership(String contributorName) {
		this(List.of(contributorName));
	}

	/**
	 * @param members contributor names or {@code parent/child} paths of components
	 */
	ReadinessGroupMembership(List<String> members) {
		this.members = List.copyOf(members);
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		HealthEndpointGroup readiness = groups.get(READINESS);
		if (readiness == null || this.members.stream().allMatch(readiness::isMember)) {
			return groups;
		}
		HealthEndpointGroup withTemporal = new WithMembers(readiness, this.members);
		return new HealthEndpointGroups() {

			@Override
			public HealthEndpointGroup getPrimary() {
				return groups.getPrimary();
			}

			@Override
			public Set<String> getNames() {
				return groups.getNames();
			}

			@Override
			public HealthEndpointGroup get(String name) {
				return READINESS.equals(name) ? withTemporal : groups.get(name);
			}

		};
	}

	/** A group with more members; everything else as the original. */
	private record WithMembers(HealthEndpointGroup group, List<String> members) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			// a contributor's components are members with it: Boot asks for temporal/main as well as temporal
			return this.members.stream().anyMatch((member) -> name.equals(member) || name.startsWith(member + "/"))
					|| this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
