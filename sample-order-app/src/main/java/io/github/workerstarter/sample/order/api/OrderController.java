package io.github.workerstarter.sample.order.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

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

/** {@code POST /orders} starts an order; {@code GET /orders/{id}} tells where it is. */
@RestController
@RequestMapping("/orders")
public class OrderController {

	private final OrderService orders;

	public OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping
	public ResponseEntity<Map<String, String>> create(@Valid @RequestBody OrderRequest request) {
		String orderId = this.orders.start(request);
		return ResponseEntity.accepted()
			.location(URI.create("/orders/" + orderId))
			.body(Map.of("orderId", orderId, "status", "RUNNING"));
	}

	@GetMapping("/{orderId}")
	public ResponseEntity<OrderView> get(@PathVariable String orderId) {
		return ResponseEntity.of(this.orders.find(orderId));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidField(MethodArgumentNotValidException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid order: " + String.join(", ", errors.keySet()));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Request body is not a valid order: " + ex.getMostSpecificCause().getMessage());
	}

}
