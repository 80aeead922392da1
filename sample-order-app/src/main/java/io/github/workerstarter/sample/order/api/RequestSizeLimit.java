package io.github.workerstarter.sample.order.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.workerstarter.sample.order.OrderSettings;

/**
 * Refuses request bodies over {@code orders.max-request-size} with 413 before they are read into memory: at once when
 * the request declares its length, else while it is read (a chunked body), which the controller turns into 413.
 */
@Component
@Profile("!payment-worker")
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(OrderSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
						+ new Exceeded(String.format("%,d", declared), this.maxBytes).getMessage() + "\",\"instance\":\""
						+ request.getRequestURI().replace("\"", "") + "\"}");
			return;
		}
		chain.doFilter((declared < 0) ? new Counted(request, this.maxBytes) : request, response);
	}

	/** The size limit's failure somewhere in the causes of a failed read, if that was the reason. */
	static @Nullable Exceeded exceededIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Exceeded exceeded) {
				return exceeded;
			}
		}
		return null;
	}

	/** A body over the limit. */
	static final class Exceeded extends IOException {

		Exceeded(String size, long maxBytes) {
			super(String.format("Request body of %s bytes is over the limit of %,d bytes (orders.max-request-size).",
					size, maxBytes));
		}

	}

	/** A request whose body stream fails once more than the limit has been read. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		Counted(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream body = super.getInputStream();
				long max = this.maxBytes;
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = body.read();
						count((b < 0) ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = body.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws Exceeded {
						this.read += n;
						if (this.read > max) {
							throw new Exceeded(String.format("more than %,d", max), max);
						}
					}

					@Override
					public boolean isFinished() {
						return body.isFinished();
					}

					@Override
					public boolean isReady() {
						return body.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						body.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
