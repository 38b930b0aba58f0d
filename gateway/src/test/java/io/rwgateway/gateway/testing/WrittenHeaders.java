package io.rwgateway.gateway.testing;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.rwgateway.translators.proto.rw2.Rw2Proto;

/**
 * A WireMock response transformer that answers a RW 2.0 request as a RW 2.0 receiver that stored
 * all of it: the three {@code X-Prometheus-Remote-Write-*-Written} headers with the request's exact
 * counts (remote-write.md §2.5). Stubs use it with {@code .withTransformers(WrittenHeaders.NAME)}.
 */
public final class WrittenHeaders implements ResponseTransformerV2 {
  public static final String NAME = "rw2-written";

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    Rw2Proto.Request r = Payloads.parseRw2(serveEvent.getRequest().getBody());
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (Rw2Proto.TimeSeries ts : r.getTimeseriesList()) {
      samples += ts.getSamplesCount();
      histograms += ts.getHistogramsCount();
      exemplars += ts.getExemplarsCount();
    }
    return Response.Builder.like(response).but()
        .headers(response.getHeaders()
            .plus(new HttpHeader("X-Prometheus-Remote-Write-Samples-Written", Long.toString(samples)))
            .plus(new HttpHeader("X-Prometheus-Remote-Write-Histograms-Written", Long.toString(histograms)))
            .plus(new HttpHeader("X-Prometheus-Remote-Write-Exemplars-Written", Long.toString(exemplars))))
        .build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
