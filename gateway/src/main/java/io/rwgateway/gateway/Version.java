package io.rwgateway.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gateway's version, from the build, for User-Agent and logs. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  public static String version() {
    return VERSION;
  }

  /** RW spec: User-Agent MUST be present, SHOULD follow RFC 9110 (product/version). */
  public static String userAgent() {
    return "rw-gateway/" + VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/rw-gateway-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
