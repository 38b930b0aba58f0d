package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantConfigMapperTest {

  /** One backend with a valid name and url, plus the given extra lines (indented 4). */
  private static String backend(String... extra) {
    StringBuilder yaml = new StringBuilder("backends:\n  - name: a\n    url: http://a:9009/api/v1/push\n");
    for (String line : extra) {
      yaml.append("    ").append(line).append('\n');
    }
    return yaml.toString();
  }

  private static TenantConfig tenantOf(String... extra) throws ConfigException {
    return ConfigLoader.parse(backend(extra)).backends().get(0).tenant();
  }

  @Test
  void readsEveryTenantKey() throws Exception {
    assertThat(tenantOf("tenant: {label: team, header: X-Tenant, default: anonymous, drop_label: true}"))
        .isEqualTo(new TenantConfig("team", "X-Tenant", "anonymous", true));
  }

  @Test
  void defaultsToXScopeOrgIdWithoutDefaultTenantKeepingTheLabel() throws Exception {
    assertThat(tenantOf("tenant: {label: tenant}")).isEqualTo(new TenantConfig("tenant", "X-Scope-OrgID", null, false));
  }

  @Test
  void absentOrNullTenantMeansNotMultiTenant() throws Exception {
    assertThat(tenantOf()).isNull();
    assertThat(tenantOf("tenant:")).isNull();
  }

  @Test
  void requiresAValidLabelName() {
    assertThat(LoadErrors.of(backend("tenant: {}"))).containsExactly("backends[0].tenant.label: required");
    assertThat(LoadErrors.of(backend("tenant: {label: 1team}"))).containsExactly(
        "backends[0].tenant.label: must be a valid label name ([a-zA-Z_][a-zA-Z0-9_]*), got '1team'");
    assertThat(LoadErrors.of(backend("tenant: {label: team-id}"))).containsExactly(
        "backends[0].tenant.label: must be a valid label name ([a-zA-Z_][a-zA-Z0-9_]*), got 'team-id'");
    assertThat(LoadErrors.of(backend("tenant: {label: ''}"))).containsExactly(
        "backends[0].tenant.label: must be a valid label name ([a-zA-Z_][a-zA-Z0-9_]*), got ''");
  }

  @Test
  void acceptsLabelNamesWithUnderscoresAndDigits() throws Exception {
    assertThat(tenantOf("tenant: {label: _org_id2}").label()).isEqualTo("_org_id2");
  }

  @Test
  void rejectsMalformedOrReservedHeaders() {
    assertThat(LoadErrors.of(backend("tenant: {label: t, header: 'X Tenant'}"))).containsExactly(
        "backends[0].tenant.header: must be a valid header name (letters, digits and !#$%&'*+-.^_`|~)");
    assertThat(LoadErrors.of(backend("tenant: {label: t, header: content-type}"))).containsExactly(
        "backends[0].tenant.header: cannot set reserved header content-type: the gateway sets it (remote-write.md §1.2)");
    assertThat(LoadErrors.of(backend("tenant: {label: t, header: Authorization}"))).containsExactly(
        "backends[0].tenant.header: cannot set Authorization as a plain header:"
            + " use basic_auth or authorization (credentials_file)");
    assertThat(LoadErrors.of(backend("tenant: {label: t, header: 5}")))
        .containsExactly("backends[0].tenant.header: must be a string, got 5 (quote it)");
  }

  @Test
  void rejectsATenantHeaderAlsoSetForEveryRequest() {
    assertThat(LoadErrors.of(backend("headers: {X-Tenant: a}", "tenant: {label: t, header: x-tenant}")))
        .containsExactly("backends[0].tenant.header: cannot send x-tenant per tenant:"
            + " headers.X-Tenant sets it on every request too, remove one");
    assertThat(LoadErrors.of(backend("headers: {x-scope-orgid: a}", "tenant: {label: t}")))
        .containsExactly("backends[0].tenant.header: cannot send X-Scope-OrgID (the default tenant header)"
            + " per tenant: headers.x-scope-orgid sets it on every request too, remove one");
  }

  @Test
  void keepsOtherFixedHeadersNextToTheTenantHeader() throws Exception {
    BackendConfig b = ConfigLoader.parse(backend("headers: {X-Api-Key: k}", "tenant: {label: t}")).backends().get(0);

    assertThat(b.headers()).containsOnlyKeys("X-Api-Key");
    assertThat(b.tenant().header()).isEqualTo("X-Scope-OrgID");
  }

  @Test
  void rejectsADefaultTenantThatCannotBeAHeaderValue() {
    assertThat(LoadErrors.of(backend("tenant: {label: t, default: ''}"))).containsExactly(
        "backends[0].tenant.default: must not be empty: leave it out to drop series without the tenant label");
    assertThat(LoadErrors.of(backend("tenant: {label: t, default: \"a\\nb\"}")))
        .containsExactly("backends[0].tenant.default: must not contain control characters such as line breaks");
    assertThat(LoadErrors.of(backend("tenant: {label: t, default: 42}")))
        .containsExactly("backends[0].tenant.default: must be a string, got 42 (quote it)");
  }

  @Test
  void rejectsDroppingTheMetricName() throws Exception {
    assertThat(LoadErrors.of(backend("tenant: {label: __name__, drop_label: true}"))).containsExactly(
        "backends[0].tenant.drop_label: cannot drop __name__: receivers reject series without a metric name"
            + " (remote-write.md §1.5, §2.4)");
    assertThat(tenantOf("tenant: {label: __name__}").label()).isEqualTo("__name__");
  }

  @Test
  void rejectsANonBooleanDropLabel() {
    assertThat(LoadErrors.of(backend("tenant: {label: t, drop_label: 'yes'}")))
        .containsExactly("backends[0].tenant.drop_label: must be true or false, got 'yes'");
  }

  @Test
  void reportsUnknownKeysWithSuggestion() {
    assertThat(LoadErrors.of(backend("tenant: {label: t, drop_labels: true, defualt: x, org: y}"))).containsExactly(
        "backends[0].tenant.drop_labels: unknown key (did you mean drop_label?)",
        "backends[0].tenant.defualt: unknown key (did you mean default?)",
        "backends[0].tenant.org: unknown key");
  }

  @Test
  void rejectsATenantThatIsNotAMap() {
    assertThat(LoadErrors.of(backend("tenant: acme"))).containsExactly("backends[0].tenant: must be a map, got 'acme'");
    assertThat(LoadErrors.of(backend("tenant: [label]")))
        .containsExactly("backends[0].tenant: must be a map, got a list");
  }
}
