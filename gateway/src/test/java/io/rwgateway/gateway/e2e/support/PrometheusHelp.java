package io.rwgateway.gateway.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The HELP text of every family a Prometheus exposes on its own {@code /metrics}, i.e. what its
 * self-scrape stores and later remote-writes as metadata: the expected help of its series.
 */
public final class PrometheusHelp {
  private static final String HELP = "# HELP ";

  private PrometheusHelp() {
  }

  public static Map<String, String> of(PeerProcess prometheus) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(prometheus.url("/metrics")))
        .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("cannot read " + request.uri() + " (HTTP " + response.statusCode() + ")");
      }
      return parse(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cannot read " + request.uri() + ": interrupted", e);
    }
  }

  /** Family name -> help, from the text format's {@code # HELP name text} lines (text unescaped). */
  static Map<String, String> parse(String exposition) {
    Map<String, String> help = new HashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.startsWith(HELP)) {
        int space = line.indexOf(' ', HELP.length());
        String name = space < 0 ? line.substring(HELP.length()) : line.substring(HELP.length(), space);
        help.put(name, space < 0 ? "" : unescape(line.substring(space + 1)));
      }
    }
    return help;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
