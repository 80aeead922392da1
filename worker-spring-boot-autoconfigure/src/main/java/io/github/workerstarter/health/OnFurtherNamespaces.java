package io.github.workerstarter.health;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.github.workerstarter.config.NamespaceAliases;

/** Whether {@code temporal.namespaces} configures further namespaces: one health contributor, or a composite. */
final class OnFurtherNamespaces {

	private OnFurtherNamespaces() {
	}

	static final class Some implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !NamespaceAliases.read(context.getEnvironment()).isEmpty();
		}

	}

	static final class None implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return NamespaceAliases.read(context.getEnvironment()).isEmpty();
		}

	}

}
