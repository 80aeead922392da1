package io.github.workerstarter.payload;

import java.lang.reflect.Type;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.context.ActivitySerializationContext;
import io.temporal.payload.context.HasWorkflowSerializationContext;
import io.temporal.payload.context.SerializationContext;
import io.temporal.workflow.unsafe.WorkflowUnsafe;

/**
 * Checks the size of every payload set the application sends (the arguments of a call, a result, heartbeat details)
 * against {@code temporal.payloads.max-size}, after the wrapped converter and its codecs, as the server measures it.
 * The client's converter is also the workers', so a workflow start, an activity's arguments scheduled by a workflow,
 * an activity's result and a workflow's result all get the same check.
 *
 * <p>Over the limit it throws a non-retryable {@link ApplicationFailure} of type {@value #FAILURE_TYPE}: a client
 * call fails before it is sent (instead of being refused by the server and retried for a minute), an activity fails
 * without retries, and workflow code fails its workflow (rather than its workflow task, which would be retried
 * forever). Over {@code temporal.payloads.warn-size} it logs a WARN. Workflow code being replayed is not checked:
 * its payloads were accepted when they were first sent.
 */
public final class PayloadSizeLimitingDataConverter implements DataConverter {

	/** The {@link ApplicationFailure#getType() type} of the failure thrown for a payload over the limit. */
	public static final String FAILURE_TYPE = "PayloadSizeLimitExceeded";

	private static final Logger logger = LoggerFactory.getLogger(PayloadSizeLimitingDataConverter.class);

	private final DataConverter delegate;

	private final long maxBytes;

	private final long warnBytes;

	private final @Nullable SerializationContext context;

	public PayloadSizeLimitingDataConverter(DataConverter delegate, long maxBytes, long warnBytes) {
		this(delegate, maxBytes, warnBytes, null);
	}

	private PayloadSizeLimitingDataConverter(DataConverter delegate, long maxBytes, long warnBytes,
			@Nullable SerializationContext context) {
		this.delegate = delegate;
		this.maxBytes = maxBytes;
		this.warnBytes = warnBytes;
		this.context = context;
	}

	/** The converter whose output is checked. */
	public DataConverter delegate() {
		return this.delegate;
	}

	/** The largest payload set, in bytes, that passes. */
	public long maxBytes() {
		return this.maxBytes;
	}

	@Override
	public <T> Optional<Payload> toPayload(T value) throws DataConverterException {
		Optional<Payload> payload = this.delegate.toPayload(value);
		payload.ifPresent((converted) -> check(converted.getSerializedSize()));
		return payload;
	}

	@Override
	public Optional<Payloads> toPayloads(Object... values) throws DataConverterException {
		Optional<Payloads> payloads = this.delegate.toPayloads(values);
		payloads.ifPresent((converted) -> check(converted.getSerializedSize()));
		return payloads;
	}

	@Override
	public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) throws DataConverterException {
		return this.delegate.fromPayload(payload, valueClass, valueType);
	}

	@Override
	public <T> T fromPayloads(int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType)
			throws DataConverterException {
		return this.delegate.fromPayloads(index, content, valueType, valueGenericType);
	}

	@Override
	public Object[] fromPayloads(Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes)
			throws DataConverterException {
		return this.delegate.fromPayloads(content, parameterTypes, genericParameterTypes);
	}

	@Override
	public RuntimeException failureToException(Failure failure) {
		return this.delegate.failureToException(failure);
	}

	@Override
	public Failure exceptionToFailure(Throwable throwable) {
		return this.delegate.exceptionToFailure(throwable);
	}

	@Override
	public DataConverter withContext(SerializationContext context) {
		return new PayloadSizeLimitingDataConverter(this.delegate.withContext(context), this.maxBytes, this.warnBytes,
				context);
	}

	private void check(long bytes) {
		if (bytes <= this.warnBytes || replaying()) {
			return;
		}
		if (bytes > this.maxBytes) {
			throw ApplicationFailure.newNonRetryableFailure(String.format(
					"Payload of %,d bytes%s exceeds temporal.payloads.max-size (%,d bytes). The Temporal server "
							+ "refuses payloads over its limit.blobSize.error (2 MiB unless raised). Keep large data "
							+ "outside Temporal and pass a reference to it, or, if your server's limit is higher, "
							+ "raise temporal.payloads.max-size to match.",
					bytes, where(), this.maxBytes), FAILURE_TYPE);
		}
		logger.warn(String.format("Payload of %,d bytes%s is over temporal.payloads.warn-size (%,d bytes); payloads "
				+ "over %,d bytes (temporal.payloads.max-size) fail.", bytes, where(), this.warnBytes, this.maxBytes));
	}

	private static boolean replaying() {
		return WorkflowUnsafe.isWorkflowThread() && WorkflowUnsafe.isReplaying();
	}

	private String where() {
		if (this.context instanceof ActivitySerializationContext activity) {
			return " for activity " + activity.getActivityType() + " of workflow '" + activity.getWorkflowId() + "'";
		}
		if (this.context instanceof HasWorkflowSerializationContext workflow) {
			return " for workflow '" + workflow.getWorkflowId() + "'";
		}
		return "";
	}

}
