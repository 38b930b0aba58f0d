package io.rwgateway.config;

import java.util.Objects;

/**
 * Multi-tenant sending for one backend: its batches are split by the value of {@code label} and each
 * part is sent with {@code header: <value>} (e.g. Mimir's {@code X-Scope-OrgID}).
 *
 * @param label         label whose value names the tenant, {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * @param header        request header carrying the tenant; never reserved, never also in the backend's headers
 * @param defaultTenant tenant of series without the label; null drops such series
 * @param dropLabel     remove the label from the series before sending
 */
public record TenantConfig(String label, String header, String defaultTenant, boolean dropLabel) {

  public TenantConfig {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(header, "header");
  }

  /** Tenants by {@code label} in the default header, no default tenant, label kept. */
  public static TenantConfig byLabel(String label) {
    return new TenantConfig(label, Defaults.TENANT_HEADER, null, Defaults.TENANT_DROP_LABEL);
  }
}
