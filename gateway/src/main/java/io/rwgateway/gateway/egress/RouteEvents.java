package io.rwgateway.gateway.egress;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a backend route reports as it works; telemetry implements it (imports point down: egress
 * never imports the metrics that observe it). Every item a route accepts ends in exactly one of
 * {@link #delivered} or {@link #dropped}, or is still counted by the queued-items supplier.
 */
public interface RouteEvents {
  /** The route took these into its accumulator (after its rules and tenant split). */
  void accepted(Counts counts);

  /** A request reached the backend: {@code written} of it was stored (2xx). */
  void delivered(OutgoingRequest request, Counts written);

  /** Items given up with a reason (queue_full, shutdown, backend_rejected, backend_partial, ...). */
  void dropped(Counts counts, String reason);

  /** A whole request given up (one per request, next to its items). */
  void droppedRequest(String reason);

  void retried(String reason);

  /** One HTTP attempt's status (0: no answer) and duration. */
  void response(int status, long nanos);

  /** A 2xx whose {@code Written} counts were below what was sent. */
  void partialWrite();

  /** A {@code protocol: auto} route switched to RW 1.0. */
  void protocolFallback();

  /** The route's live state, read when metrics are scraped. */
  void gauges(LongSupplier usedBytes, long capacityBytes, LongSupplier requests, Supplier<Counts> queued);

  /** The route is gone: its meters are removed. */
  void close();

  /** Reports nothing (tests, the egress estimator). */
  RouteEvents NONE = new RouteEvents() {
    @Override public void accepted(Counts counts) {}
    @Override public void delivered(OutgoingRequest request, Counts written) {}
    @Override public void dropped(Counts counts, String reason) {}
    @Override public void droppedRequest(String reason) {}
    @Override public void retried(String reason) {}
    @Override public void response(int status, long nanos) {}
    @Override public void partialWrite() {}
    @Override public void protocolFallback() {}
    @Override public void gauges(LongSupplier usedBytes, long capacityBytes, LongSupplier requests,
        Supplier<Counts> queued) {}
    @Override public void close() {}
  };
}
