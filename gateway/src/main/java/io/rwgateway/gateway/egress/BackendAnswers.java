package io.rwgateway.gateway.egress;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one place that turns a backend's answer into a {@link Decision}: its status, its
 * {@code Retry-After}, its RW 2.0 {@code Written} headers, a timeout or a network error
 * (remote-write.md §1.7, §2.5, §2.6, §3.4; style.md "Two kinds of failure").
 */
public final class BackendAnswers {
  static final String WRITTEN_SAMPLES = "X-Prometheus-Remote-Write-Samples-Written";
  static final String WRITTEN_HISTOGRAMS = "X-Prometheus-Remote-Write-Histograms-Written";
  static final String WRITTEN_EXEMPLARS = "X-Prometheus-Remote-Write-Exemplars-Written";
  /** A Retry-After above this is clamped: a misbehaving backend must not park a shard for days. */
  static final long MAX_RETRY_AFTER_MS = Duration.ofMinutes(10).toMillis();
  static final String RW2_NOT_SUPPORTED = "rw2_not_supported";

  /** How this backend is configured to be answered. */
  public record Policy(boolean retryOn429, boolean autoProtocol) {}

  private BackendAnswers() {}

  /**
   * @param asRw2  the attempt was a RW 2.0 request
   * @param sent   what the attempt carried
   * @param header the answer's headers by name
   */
  public static Decision classify(Policy policy, int status, Function<String, String> header, String body,
      boolean asRw2, Counts sent, long nowMillis) {
    if (status >= 200 && status < 300) {
      return asRw2 ? checkWritten(policy, status, header, sent) : Decision.delivered(status, sent, sent);
    }
    if (status == 415 && asRw2 && policy.autoProtocol()) {
      return new Decision(Decision.Kind.FALL_BACK, status, "protocol_fallback", "answered 415 to RW 2.0", 0,
          Counts.ZERO, sent);
    }
    long retryAfter = parseRetryAfter(header.apply("Retry-After"), nowMillis);
    if (status == 429) {
      return policy.retryOn429()
          ? Decision.retry(status, "http_429", body, retryAfter)
          : Decision.drop(status, "http_429", body);
    }
    if (status >= 500) {
      return Decision.retry(status, "http_5xx", body, retryAfter);
    }
    if (status == 413) {
      return new Decision(Decision.Kind.SPLIT, status, "too_large", body, -1, Counts.ZERO, sent);
    }
    // Every other 4xx will never succeed (§1.7 MUST NOT retry). 1xx and 3xx are not expected from a
    // receiver (redirects are not followed for a POST): dropped too, so a wrong URL shows as drops.
    return Decision.drop(status, status >= 400 && status < 500 ? "backend_rejected" : "http_" + status, body);
  }

  /**
   * RW 2.0 §2.6: a 2xx without any Written header, for a request that carried data, means a 1.x
   * receiver ignored the content type and wrote nothing: treated as a 415. Counts below what was
   * sent are a partial write: what is missing is dropped and counted (§2.5 "MUST NOT return 2xx"
   * makes this a receiver's fault, but the data is gone all the same).
   */
  private static Decision checkWritten(Policy policy, int status, Function<String, String> header, Counts sent) {
    String s = header.apply(WRITTEN_SAMPLES);
    String h = header.apply(WRITTEN_HISTOGRAMS);
    String e = header.apply(WRITTEN_EXEMPLARS);
    if (s == null && h == null && e == null && !sent.isZero()) {
      String why = "answered " + status + " to RW 2.0 without X-Prometheus-Remote-Write-*-Written headers";
      if (policy.autoProtocol()) {
        return new Decision(Decision.Kind.FALL_BACK, status, "protocol_fallback", why, 0, Counts.ZERO, sent);
      }
      return Decision.drop(status, RW2_NOT_SUPPORTED, why + ": it does not speak RW 2.0 (configure protocol: rw1)");
    }
    // Missing headers read as 0 (§2.5); a count above what was sent is the backend's miscount.
    Counts written = new Counts(parseCount(s), parseCount(h), parseCount(e)).clampTo(sent);
    return Decision.delivered(status, written, sent);
  }

  /** An attempt that got no HTTP answer: retried, with the reason its metric label says. */
  public static Decision failure(Throwable cause) {
    String message = oneLine(cause);
    if (cause instanceof TimeoutException || cause.getCause() instanceof TimeoutException) {
      return Decision.retry(0, "timeout", message, -1);
    }
    if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
      return Decision.retry(0, "network_error", message, -1);
    }
    return Decision.retry(0, "network_error", message, -1);
  }

  /**
   * The backend's credentials file cannot be read (never was): nothing was sent, and a retry may
   * find the file (a Secret being mounted), as Prometheus retries a failed round trip.
   */
  public static Decision credentialsUnreadable(Throwable cause) {
    return Decision.retry(0, "credentials_unreadable", oneLine(cause), -1);
  }

  /** The sender itself threw: a bug that a retry would repeat, so the request is dropped and counted. */
  public static Decision senderError(Throwable cause) {
    return Decision.drop(0, "send_error", oneLine(cause));
  }

  static long parseCount(String v) {
    try {
      return v == null ? 0 : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date; -1 when absent or invalid. */
  static long parseRetryAfter(String value, long nowMillis) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : -1;
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        long delta = at - nowMillis;
        return delta > 0 ? Math.min(delta, MAX_RETRY_AFTER_MS) : -1;
      } catch (DateTimeParseException notADate) {
        return -1;
      }
    }
  }

  private static String oneLine(Throwable t) {
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return msg.replaceAll("[\\r\\n]+", " ");
  }
}
