package io.rwgateway.gateway.egress;

import static io.rwgateway.gateway.egress.Decision.Kind.DELIVERED;
import static io.rwgateway.gateway.egress.Decision.Kind.DROP;
import static io.rwgateway.gateway.egress.Decision.Kind.FALL_BACK;
import static io.rwgateway.gateway.egress.Decision.Kind.RETRY;
import static io.rwgateway.gateway.egress.Decision.Kind.SPLIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendAnswersTest {
  private static final BackendAnswers.Policy RW2 = new BackendAnswers.Policy(true, false);
  private static final BackendAnswers.Policy NO_429_RETRY = new BackendAnswers.Policy(false, false);
  private static final BackendAnswers.Policy AUTO = new BackendAnswers.Policy(true, true);
  private static final Counts SENT = new Counts(100, 10, 5);

  private static Decision rw1(BackendAnswers.Policy p, int status, Map<String, String> headers) {
    return BackendAnswers.classify(p, status, headers::get, "body", false, SENT, 0);
  }

  private static Decision rw2(BackendAnswers.Policy p, int status, Map<String, String> headers) {
    return BackendAnswers.classify(p, status, headers::get, "body", true, SENT, 0);
  }

  private static Map<String, String> written(long s, long h, long e) {
    Map<String, String> m = new HashMap<>();
    m.put(BackendAnswers.WRITTEN_SAMPLES, Long.toString(s));
    m.put(BackendAnswers.WRITTEN_HISTOGRAMS, Long.toString(h));
    m.put(BackendAnswers.WRITTEN_EXEMPLARS, Long.toString(e));
    return m;
  }

  @ParameterizedTest
  @CsvSource({
      "200, DELIVERED, ok", "204, DELIVERED, ok",
      "500, RETRY, http_5xx", "503, RETRY, http_5xx", "429, RETRY, http_429",
      "400, DROP, backend_rejected", "404, DROP, backend_rejected", "415, DROP, backend_rejected",
      "413, SPLIT, too_large", "301, DROP, http_301"})
  void readsRw1AnswersAsTheSpecSays(int status, Decision.Kind kind, String reason) {
    Decision d = rw1(RW2, status, Map.of());
    assertThat(d.kind()).isEqualTo(kind);
    assertThat(d.reason()).isEqualTo(reason);
    assertThat(d.status()).isEqualTo(status);
  }

  @Test
  void drops429WhenRetryingItIsOff() {
    assertThat(rw1(NO_429_RETRY, 429, Map.of()).kind()).isEqualTo(DROP);
    assertThat(rw1(NO_429_RETRY, 503, Map.of()).kind()).isEqualTo(RETRY);
  }

  @Test
  void rw1SuccessDeliversEverythingSent() {
    Decision d = rw1(RW2, 204, Map.of());
    assertThat(d.delivered()).isEqualTo(SENT);
    assertThat(d.sent()).isEqualTo(SENT);
  }

  @Test
  void rw2SuccessDeliversWhatTheWrittenHeadersSay() {
    assertThat(rw2(RW2, 204, written(100, 10, 5)).delivered()).isEqualTo(SENT);
    Decision partial = rw2(RW2, 200, written(60, 10, 0));
    assertThat(partial.kind()).isEqualTo(DELIVERED);
    assertThat(partial.delivered()).isEqualTo(new Counts(60, 10, 0));
    assertThat(partial.sent()).isEqualTo(SENT);
  }

  @Test
  void rw2MissingWrittenHeaderReadsAsZeroAndOverCountsAreClamped() {
    Map<String, String> onlySamples = Map.of(BackendAnswers.WRITTEN_SAMPLES, "999");
    assertThat(rw2(RW2, 204, onlySamples).delivered()).isEqualTo(new Counts(100, 0, 0));
  }

  @Test
  void rw2SuccessWithoutAnyWrittenHeaderMeansNotSupported() {
    Decision d = rw2(RW2, 204, Map.of());
    assertThat(d.kind()).isEqualTo(DROP);
    assertThat(d.reason()).isEqualTo("rw2_not_supported");
    assertThat(rw2(AUTO, 204, Map.of()).kind()).isEqualTo(FALL_BACK);
  }

  @Test
  void only415ToRw2OnAnAutoRouteFallsBack() {
    assertThat(rw2(AUTO, 415, Map.of()).kind()).isEqualTo(FALL_BACK);
    assertThat(rw2(RW2, 415, Map.of()).kind()).isEqualTo(DROP);
    assertThat(rw1(AUTO, 415, Map.of()).kind()).isEqualTo(DROP);
  }

  @Test
  void retryAfterInSecondsOrAsHttpDateIsRead() {
    assertThat(rw1(RW2, 503, Map.of("Retry-After", "3")).retryAfterMillis()).isEqualTo(3000);
    assertThat(rw1(RW2, 429, Map.of("Retry-After", " 120 ")).retryAfterMillis()).isEqualTo(120_000);
    long now = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse("2026-11-25T10:00:07Z").atZone(ZoneOffset.UTC));
    assertThat(BackendAnswers.parseRetryAfter(date, now)).isEqualTo(7000);
  }

  @Test
  void invalidZeroOrPastRetryAfterIsIgnoredAndAbsurdOnesClamped() {
    long now = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    for (String v : new String[] {null, "", "0", "-5", "soon", "Wed, 25 Nov 2026 09:00:00 GMT"}) {
      assertThat(BackendAnswers.parseRetryAfter(v, now)).as(String.valueOf(v)).isEqualTo(-1);
    }
    assertThat(BackendAnswers.parseRetryAfter("99999999", now)).isEqualTo(BackendAnswers.MAX_RETRY_AFTER_MS);
  }

  @Test
  void failuresAreRetriedAndTimeoutsToldApartByType() {
    assertThat(BackendAnswers.failure(new TimeoutException("x")).reason()).isEqualTo("timeout");
    assertThat(BackendAnswers.failure(new RuntimeException(new TimeoutException("x"))).reason()).isEqualTo("timeout");
    Decision refused = BackendAnswers.failure(new ConnectException("Connection refused"));
    assertThat(refused.kind()).isEqualTo(RETRY);
    assertThat(refused.reason()).isEqualTo("network_error");
    // The old classifier called anything whose message said "timeout" a timeout.
    assertThat(BackendAnswers.failure(new RuntimeException("read timeout setting")).reason()).isEqualTo("network_error");
  }

  @Test
  void aSenderThatThrowsDropsTheRequest() {
    Decision d = BackendAnswers.senderError(new IllegalStateException("bug"));
    assertThat(d.kind()).isEqualTo(DROP);
    assertThat(d.reason()).isEqualTo("send_error");
  }
}
