package io.rwgateway.gateway.status;

import static io.rwgateway.gateway.status.StatusCodes.Outcome.PERMANENT;
import static io.rwgateway.gateway.status.StatusCodes.Outcome.RETRYABLE;
import static io.rwgateway.gateway.status.StatusCodes.Outcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusCodesTest {
  @Test
  void classifiesBackendAnswersAsTheSpecSays() {
    assertThat(StatusCodes.classifyBackend(200, true)).isEqualTo(SUCCESS);
    assertThat(StatusCodes.classifyBackend(204, true)).isEqualTo(SUCCESS);
    assertThat(StatusCodes.classifyBackend(500, true)).isEqualTo(RETRYABLE);
    assertThat(StatusCodes.classifyBackend(503, false)).isEqualTo(RETRYABLE);
    assertThat(StatusCodes.classifyBackend(429, true)).isEqualTo(RETRYABLE);
    assertThat(StatusCodes.classifyBackend(429, false)).isEqualTo(PERMANENT);
    assertThat(StatusCodes.classifyBackend(400, true)).isEqualTo(PERMANENT);
    assertThat(StatusCodes.classifyBackend(404, true)).isEqualTo(PERMANENT);
    assertThat(StatusCodes.classifyBackend(413, true)).isEqualTo(PERMANENT);
    assertThat(StatusCodes.classifyBackend(415, true)).isEqualTo(PERMANENT);
    assertThat(StatusCodes.classifyBackend(301, true)).isEqualTo(PERMANENT);
  }
}
