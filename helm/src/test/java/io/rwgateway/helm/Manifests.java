package io.rwgateway.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The objects of one {@code helm template} output, parsed, with the lookups the tests share. */
final class Manifests {
  private final List<JsonNode> objects;

  private Manifests(List<JsonNode> objects) {
    this.objects = objects;
  }

  static Manifests parse(String multiDocumentYaml) {
    List<JsonNode> objects = new ArrayList<>();
    try (JsonParser parser = Chart.YAML.getFactory().createParser(multiDocumentYaml);
        MappingIterator<JsonNode> docs = Chart.YAML.readValues(parser, JsonNode.class)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          if (!doc.hasNonNull("apiVersion") || !doc.hasNonNull("kind") || !doc.path("metadata").hasNonNull("name")) {
            throw new AssertionError("rendered object without apiVersion, kind or metadata.name: " + doc);
          }
          objects.add(doc);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("helm template output does not parse: " + e.getMessage() + "\n" + multiDocumentYaml, e);
    }
    return new Manifests(objects);
  }

  List<String> kinds() {
    return objects.stream().map(o -> o.path("kind").asText()).sorted().toList();
  }

  Optional<JsonNode> find(String kind) {
    List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    if (found.size() > 1) {
      throw new AssertionError("more than one " + kind);
    }
    return found.stream().findFirst();
  }

  JsonNode get(String kind) {
    return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered; kinds: " + kinds()));
  }

  JsonNode podSpec() {
    return get("Deployment").path("spec").path("template").path("spec");
  }

  /** The gateway container of the Deployment. */
  JsonNode container() {
    JsonNode containers = podSpec().path("containers");
    if (containers.size() != 1) {
      throw new AssertionError("expected one container, got " + containers);
    }
    return containers.get(0);
  }

  /** The file {@code key} of the ConfigMap or Secret named {@code name}, as text. */
  Optional<String> file(String name, String key) {
    for (JsonNode o : objects) {
      if (!o.path("metadata").path("name").asText().equals(name)) {
        continue;
      }
      switch (o.path("kind").asText()) {
        case "ConfigMap" -> {
          return Optional.ofNullable(o.path("data").get(key)).map(JsonNode::asText);
        }
        case "Secret" -> {
          return Optional.ofNullable(o.path("data").get(key))
              .map(v -> new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8));
        }
        default -> {
        }
      }
    }
    return Optional.empty();
  }

  List<JsonNode> all() {
    return objects;
  }
}
