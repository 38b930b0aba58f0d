package io.rwgateway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under test, rendered by Helm's own engine (helm-java runs Helm's Go code in-process:
 * the same lint, schema check and templates as the helm binary). Release and namespace are fixed.
 */
final class Chart {
  static final Path DIR = Path.of(System.getProperty("rwgateway.chart", "rw-gateway")).toAbsolutePath().normalize();
  static final Path REPO = Path.of(System.getProperty("rwgateway.repo", "..")).toAbsolutePath().normalize();
  static final String RELEASE = "rwgw";
  static final String NAMESPACE = "monitoring";
  /** The objects' name: release-chart. */
  static final String FULLNAME = RELEASE + "-rw-gateway";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<Path> valuesFiles = new ArrayList<>();
  private String release = RELEASE;
  private final Map<String, Object> sets = new LinkedHashMap<>();

  private Chart() {
  }

  static Chart withDefaults() {
    return new Chart();
  }

  static Chart with(Path valuesFile) {
    return new Chart().values(valuesFile);
  }

  /** The chart's CI values files (ci/*.yaml, chart-testing's convention). */
  static List<Path> ciValuesFiles() {
    try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Chart values(Path file) {
    valuesFiles.add(file);
    return this;
  }

  /** Another release name (the objects' names follow it). */
  Chart release(String name) {
    release = name;
    return this;
  }

  /** {@code --set key=value}. */
  Chart set(String key, Object value) {
    sets.put(key, value);
    return this;
  }

  /** {@code helm template}; throws Helm's own message when the values or templates are refused. */
  Manifests render() {
    TemplateCommand t = new Helm(DIR).template().withName(release).withNamespace(NAMESPACE);
    for (Path f : valuesFiles) {
      t = t.withValuesFile(f);
    }
    for (Map.Entry<String, Object> e : sets.entrySet()) {
      t = t.set(e.getKey(), e.getValue());
    }
    return Manifests.parse(t.call());
  }

  /** NOTES.txt as {@code helm install --dry-run} prints it (client only, no cluster). */
  String notes() {
    InstallCommand install = new Helm(DIR).install().withName(release).withNamespace(NAMESPACE).dryRun().clientOnly();
    for (Path f : valuesFiles) {
      install = install.withValuesFile(f);
    }
    for (Map.Entry<String, Object> e : sets.entrySet()) {
      install = install.set(e.getKey(), e.getValue());
    }
    String output = install.call().getOutput();
    int notes = output.indexOf("NOTES:\n");
    if (notes < 0) {
      throw new AssertionError("no NOTES in helm install --dry-run output:\n" + output);
    }
    return output.substring(notes + "NOTES:\n".length());
  }

  /** The kube-prometheus-stack values NOTES.txt prints in sidecar mode, between its markers. */
  JsonNode sidecarValues() {
    return parseYaml(sidecarValuesText());
  }

  /** The same, as text. */
  String sidecarValuesText() {
    String notes = notes();
    String begin = "# --- kube-prometheus-stack values: begin\n";
    String end = "# --- kube-prometheus-stack values: end";
    int b = notes.indexOf(begin);
    int e = notes.indexOf(end);
    if (b < 0 || e < b) {
      throw new AssertionError("NOTES has no kube-prometheus-stack values between markers:\n" + notes);
    }
    return notes.substring(b + begin.length(), e);
  }

  static JsonNode parseYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new AssertionError("not YAML: " + e.getMessage() + "\n" + yaml, e);
    }
  }
}
