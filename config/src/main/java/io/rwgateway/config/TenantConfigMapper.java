package io.rwgateway.config;

import java.util.Map;

/** Maps a backend's {@code tenant} to {@link TenantConfig}. */
final class TenantConfigMapper {
  private static final String METRIC_NAME = "__name__";

  private TenantConfigMapper() {
  }

  /**
   * @param headers the backend's valid extra headers: a header sent per tenant cannot also be fixed
   * @return the tenant settings, or null when any is refused (an error is recorded)
   */
  static TenantConfig map(MapReader r, Map<String, String> headers) {
    int errorsBefore = r.errorCount();
    String label = r.requiredString("label");
    if (label != null && !isLabelName(label)) {
      r.error("label", "must be a valid label name ([a-zA-Z_][a-zA-Z0-9_]*), got '" + label + "'");
    }
    String header = r.string("header", Defaults.TENANT_HEADER);
    checkHeader(r, header, headers);
    String defaultTenant = r.string("default", null);
    if (defaultTenant != null && defaultTenant.isEmpty()) {
      r.error("default", "must not be empty: leave it out to drop series without the tenant label");
    } else if (defaultTenant != null && HeaderRules.hasControlCharacter(defaultTenant)) {
      // It becomes a header value (RFC 9110 §5.5).
      r.error("default", "must not contain control characters such as line breaks");
    }
    boolean dropLabel = r.bool("drop_label", Defaults.TENANT_DROP_LABEL);
    if (dropLabel && METRIC_NAME.equals(label)) {
      r.error("drop_label", "cannot drop " + METRIC_NAME + ": receivers reject series without a metric name"
          + " (remote-write.md §1.5, §2.4)");
    }
    r.rejectUnknownKeys();
    if (r.errorCount() != errorsBefore) {
      return null;
    }
    return new TenantConfig(label, header, defaultTenant, dropLabel);
  }

  private static void checkHeader(MapReader r, String header, Map<String, String> headers) {
    if (r.failed("header")) {
      return;
    }
    String problem = HeaderRules.nameProblem(header);
    if (problem != null) {
      r.error("header", problem);
      return;
    }
    for (String fixed : headers.keySet()) {
      if (fixed.equalsIgnoreCase(header)) {
        String which = r.has("header") ? header : header + " (the default tenant header)";
        r.error("header", "cannot send " + which + " per tenant: headers." + fixed
            + " sets it on every request too, remove one");
      }
    }
  }

  /** Prometheus' label name rule, {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  private static boolean isLabelName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
