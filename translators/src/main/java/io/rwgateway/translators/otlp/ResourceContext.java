package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a {@code Resource} contributes to every series under it (otlp.md §4.1, §4.3): {@code job}
 * from service.namespace/service.name, {@code instance} from service.instance.id, and the promoted
 * attributes, escaped and collision-joined in the order of their original keys.
 */
final class ResourceContext {
  static final String SERVICE_NAME = "service.name";
  static final String SERVICE_NAMESPACE = "service.namespace";
  static final String SERVICE_INSTANCE_ID = "service.instance.id";
  static final Set<String> IDENTIFYING = Set.of(SERVICE_NAME, SERVICE_NAMESPACE, SERVICE_INSTANCE_ID);

  final Resource resource;
  /** Null when there is no service.name (§4.1: no job then, even with a namespace). */
  final String job;
  /** Null when there is no (non-empty) service.instance.id. */
  final String instance;
  final LabelScratch promoted = new LabelScratch();

  ResourceContext(Resource resource, OtlpOptions options, LabelNamer namer, Tally tally) {
    this.resource = resource;
    String name = null;
    String namespace = null;
    String instanceId = null;
    for (KeyValue kv : resource.getAttributesList()) {
      switch (kv.getKey()) {
        case SERVICE_NAME -> name = AttributeText.of(kv.getValue());
        case SERVICE_NAMESPACE -> namespace = AttributeText.of(kv.getValue());
        case SERVICE_INSTANCE_ID -> instanceId = AttributeText.of(kv.getValue());
        default -> { }
      }
    }
    if (name == null || name.isEmpty()) {
      job = null;
      tally.note(OtlpTranslation.Reasons.MISSING_SERVICE_NAME);
    } else {
      job = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }
    instance = instanceId == null || instanceId.isEmpty() ? null : instanceId;
    if (instance == null) {
      tally.note(OtlpTranslation.Reasons.MISSING_SERVICE_INSTANCE_ID);
    }

    List<KeyValue> chosen = new ArrayList<>();
    if (options.promoteAllResourceAttributes()) {
      for (KeyValue kv : resource.getAttributesList()) {
        if (!options.ignoreResourceAttributes().contains(kv.getKey())) {
          chosen.add(kv);
        }
      }
    } else if (!options.promoteResourceAttributes().isEmpty()) {
      for (KeyValue kv : resource.getAttributesList()) {
        if (options.promoteResourceAttributes().contains(kv.getKey())) {
          chosen.add(kv);
        }
      }
    }
    if (!chosen.isEmpty()) {
      AttributeLabels.addJoined(chosen, namer, promoted, tally, true);
    }
  }
}
