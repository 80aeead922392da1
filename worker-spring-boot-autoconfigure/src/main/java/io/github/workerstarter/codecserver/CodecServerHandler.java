package io.github.workerstarter.codecserver;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverterException;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;

/**
 * Temporal's codec server protocol: {@code POST .../decode} and {@code POST .../encode} take the protobuf JSON of
 * {@code temporal.api.common.v1.Payloads} ({@code {"payloads":[{"metadata":{"encoding":"<base64>"},"data":"<base64>"}]}})
 * and answer the same shape, decoded or encoded by the application's codecs in the order its data converter applies
 * them. The namespace the payloads come from, in the {@code X-Namespace} header the Web UI and the CLI send (or as a
 * path segment, {@code .../{namespace}/decode}, for endpoint templating), must be a namespace of this application: its
 * payloads are the ones this application's keys are meant to open. A payload that does not decode (an unknown key id,
 * a tampered payload) is answered 400 with the codec's reason.
 */
final class CodecServerHandler {

	/** The header naming the namespace the payloads come from. */
	static final String NAMESPACE_HEADER = "X-Namespace";

	private static final Logger logger = LoggerFactory.getLogger(CodecServerHandler.class);

	private final PayloadCodec codec;

	private final Supplier<Set<String>> namespaces;

	private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();

	private final JsonFormat.Printer printer = JsonFormat.printer()
		.omittingInsignificantWhitespace()
		.alwaysPrintFieldsWithNoPresence();

	/**
	 * A handler.
	 * @param codec the application's codecs, chained as its data converter chains them
	 * @param namespaces the names of the namespaces the application serves (asked at each request; empty: any)
	 */
	CodecServerHandler(PayloadCodec codec, Supplier<Set<String>> namespaces) {
		this.codec = codec;
		this.namespaces = namespaces;
	}

	ServerResponse decode(ServerRequest request) {
		return apply(request, "decode", this.codec::decode);
	}

	ServerResponse encode(ServerRequest request) {
		return apply(request, "encode", this.codec::encode);
	}

	private ServerResponse apply(ServerRequest request, String operation, UnaryOperator<List<Payload>> codec) {
		String namespace = request.pathVariables().getOrDefault("namespace",
				request.headers().firstHeader(NAMESPACE_HEADER));
		Set<String> served = this.namespaces.get();
		if (namespace != null && !namespace.isBlank() && !served.isEmpty() && !served.contains(namespace)) {
			return problem(HttpStatus.NOT_FOUND, "This codec server " + operation + "s payloads of the namespaces "
					+ served + " only; the request's namespace (" + NAMESPACE_HEADER + " or path) is '" + namespace + "'.");
		}
		Payloads.Builder payloads = Payloads.newBuilder();
		try {
			this.parser.merge(request.body(String.class), payloads);
		}
		catch (InvalidProtocolBufferException ex) {
			return problem(HttpStatus.BAD_REQUEST, "The body is not Temporal payloads in protobuf JSON "
					+ "({\"payloads\":[{\"metadata\":{...},\"data\":\"<base64>\"}]}): " + ex.getMessage());
		}
		catch (Exception ex) {
			return problem(HttpStatus.BAD_REQUEST, "The body cannot be read: " + ex.getMessage());
		}
		List<Payload> result;
		try {
			result = codec.apply(payloads.getPayloadsList());
		}
		catch (PayloadCodecException | DataConverterException ex) {
			return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Codec server: {}d {} payloads of namespace '{}' for {}", operation, result.size(), namespace,
					request.principal().map(java.security.Principal::getName).orElse("an unauthenticated caller"));
		}
		try {
			return ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.printer.print(Payloads.newBuilder().addAllPayloads(result).build()));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Payloads cannot be written as JSON", ex);
		}
	}

	private static ServerResponse problem(HttpStatus status, String detail) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
