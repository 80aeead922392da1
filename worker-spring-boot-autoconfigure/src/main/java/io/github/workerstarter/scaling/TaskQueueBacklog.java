package io.github.workerstarter.scaling;

import java.time.Duration;

/**
 * What the server said about one task type of one task queue (DescribeTaskQueue with {@code report_stats}). The
 * counts are the server's approximations, across all its partitions of the queue.
 *
 * @param count tasks waiting ({@code approximate_backlog_count})
 * @param age how long the oldest waiting task has waited ({@code approximate_backlog_age}); zero with no backlog
 * @param addRate tasks added per second, recently ({@code tasks_add_rate})
 * @param dispatchRate tasks handed to workers per second, recently ({@code tasks_dispatch_rate})
 * @param answeredNanos {@link System#nanoTime()} of the answer
 */
public record TaskQueueBacklog(long count, Duration age, double addRate, double dispatchRate, long answeredNanos) {

}
