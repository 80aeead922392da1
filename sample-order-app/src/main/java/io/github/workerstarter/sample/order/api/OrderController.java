package io.github.workerstarter.sample.order.api;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.workerstarter.connection.TemporalUnavailableException;
import io.github.workerstarter.payload.PayloadSizeLimitingDataConverter;
import io.github.workerstarter.sample.order.OrderSettings;
import io.temporal.failure.ApplicationFailure;

/**
 * {@code POST /orders} starts an order; {@code GET /orders/{id}} tells where it is. Errors are problem details that
 * name fields and say what is wrong with them, never Java types: 400 for a bad order, 404 for an unknown one, 413 for
 * a body or payload over its limit, 503 with {@code Retry-After} while Temporal cannot be reached.
 */
@RestController
@RequestMapping("/orders")
@Profile("!payment-worker")
public class OrderController {

	private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

	private final OrderService orders;

	private final long retryAfterSeconds;

	public OrderController(OrderService orders, OrderSettings settings) {
		this.orders = orders;
		this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
	}

	@PostMapping
	public ResponseEntity<Accepted> create(@Valid @RequestBody OrderRequest request) {
		String orderId = this.orders.start(request);
		return ResponseEntity.accepted().location(URI.create("/orders/" + orderId)).body(new Accepted(orderId, "RUNNING"));
	}

	/** Body of a 202: the order's id (its workflow id) and that it runs. */
	public record Accepted(String orderId, String status) {
	}

	@GetMapping("/{orderId}")
	public ResponseEntity<?> get(@PathVariable String orderId) {
		return this.orders.find(orderId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order with id " + orderId)));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidField(MethodArgumentNotValidException ex) {
		// by field name: the same answer for the same request (Bean Validation reports in no fixed order)
		Map<String, String> errors = new TreeMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		return invalidOrder(errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
		RequestSizeLimit.Exceeded exceeded = RequestSizeLimit.exceededIn(ex);
		if (exceeded != null) {
			return tooLarge(exceeded.getMessage());
		}
		UnreadableBody reason = UnreadableBody.of(ex);
		return (reason.field() != null) ? invalidOrder(Map.of(reason.field(), reason.message()))
				: ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Request body is not a valid order: " + reason.message());
	}

	// the starter's size check, before the workflow start is sent (the field limits keep orders far below it)
	@ExceptionHandler(ApplicationFailure.class)
	ProblemDetail temporalFailure(ApplicationFailure failure) {
		if (PayloadSizeLimitingDataConverter.FAILURE_TYPE.equals(failure.getType())) {
			return tooLarge(failure.getOriginalMessage());
		}
		logger.error("Order request failed", failure);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The order could not be processed.");
	}

	// matches as the cause of the SDK's WorkflowServiceException too
	@ExceptionHandler(TemporalUnavailableException.class)
	ResponseEntity<ProblemDetail> temporalUnavailable(TemporalUnavailableException ex) {
		logger.warn("Answering 503: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(this.retryAfterSeconds))
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"Orders cannot be taken or read right now: the workflow service is unreachable. Try again in "
							+ this.retryAfterSeconds + " s."));
	}

	private static ProblemDetail invalidOrder(Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid order: " + String.join(", ", errors.keySet()));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail tooLarge(String detail) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
	}

}
