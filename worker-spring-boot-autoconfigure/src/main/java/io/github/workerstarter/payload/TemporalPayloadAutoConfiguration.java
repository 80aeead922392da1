package io.github.workerstarter.payload;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.Jackson3JsonPayloadConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON payloads through the application's Jackson 3 {@link JsonMapper} (Boot's, with its {@code spring.jackson.*}
 * settings and modules), so a workflow's arguments and results serialize like the application's REST JSON. The
 * SDK's own default is a Jackson 2 mapper configured apart from the application. Backs off for a
 * {@link DataConverter} bean of the application's, and when there is no {@link JsonMapper} bean.
 */
@AutoConfiguration(before = TemporalConnectionAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ DataConverter.class, JsonMapper.class })
@ConditionalOnBean(JsonMapper.class)
@ConditionalOnBooleanProperty(name = "temporal.payloads.application-json-mapper", matchIfMissing = true)
public final class TemporalPayloadAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DataConverter temporalDataConverter(JsonMapper applicationJsonMapper) {
		// only JSON changes: nulls, byte arrays and protobuf messages keep the SDK's converters, in its order
		return DefaultDataConverter.newDefaultInstance()
			.withPayloadConverterOverrides(new Jackson3JsonPayloadConverter(applicationJsonMapper));
	}

}
