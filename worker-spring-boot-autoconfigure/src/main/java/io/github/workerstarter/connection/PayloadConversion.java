package io.github.workerstarter.connection;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.payload.EncodesFailureAttributes;
import io.github.workerstarter.payload.PayloadSizeLimitingDataConverter;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;

/**
 * How payloads are converted: the application's {@link DataConverter} bean if it has one, else the SDK's default;
 * then every {@link PayloadCodec} bean (encryption, compression), in {@code @Order}, on client and workers alike
 * (failure messages and stack traces too when a codec {@link EncodesFailureAttributes asks for it}); outermost, the
 * size check of {@code temporal.payloads.*} on what the codecs produced.
 */
final class PayloadConversion {

	private PayloadConversion() {
	}

	static DataConverter dataConverter(@Nullable DataConverter userConverter, List<PayloadCodec> codecs) {
		DataConverter base = (userConverter != null) ? userConverter : DefaultDataConverter.STANDARD_INSTANCE;
		boolean encodeFailureAttributes = codecs.stream()
			.anyMatch((codec) -> codec instanceof EncodesFailureAttributes asks && asks.encodesFailureAttributes());
		return codecs.isEmpty() ? base : new CodecDataConverter(base, codecs, encodeFailureAttributes);
	}

	static WorkflowClientOptions withSizeLimit(WorkflowClientOptions options, TemporalProperties.Payloads limits) {
		if (options.getDataConverter() instanceof PayloadSizeLimitingDataConverter) {
			return options;
		}
		return WorkflowClientOptions.newBuilder(options)
			.setDataConverter(new PayloadSizeLimitingDataConverter(options.getDataConverter(),
					limits.maxSize().toBytes(), limits.warnSize().toBytes()))
			.build();
	}

}
