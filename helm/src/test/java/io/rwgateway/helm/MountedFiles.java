package io.rwgateway.helm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a file the way the container sees it: the volume mounted at its directory, the ConfigMap
 * or Secret behind that volume, the key named by the file name. So a test of a file's content
 * also tests the wiring from the object to the path the gateway is started with.
 */
final class MountedFiles {
  private MountedFiles() {
  }

  /**
   * @param container a container spec (volumeMounts)
   * @param volumes   the pod's volumes
   */
  static String read(String path, JsonNode container, JsonNode volumes, Manifests manifests) {
    // The deepest mount holding the path wins, as in the container's mount table.
    JsonNode mount = null;
    for (JsonNode candidate : container.path("volumeMounts")) {
      String dir = candidate.path("mountPath").asText();
      if (path.startsWith(dir + "/") && (mount == null || dir.length() > mount.path("mountPath").asText().length())) {
        mount = candidate;
      }
    }
    if (mount != null) {
      String dir = mount.path("mountPath").asText();
      String key = path.substring(dir.length() + 1);
      String volumeName = mount.path("name").asText();
      JsonNode volume = volume(volumes, volumeName);
      String objectName = volume.has("configMap") ? volume.path("configMap").path("name").asText()
          : volume.path("secret").path("secretName").asText();
      return manifests.file(objectName, key).orElseThrow(() -> new AssertionError(
          path + ": volume " + volumeName + " -> " + objectName + " has no rendered key " + key));
    }
    throw new AssertionError("no volume is mounted at the directory of " + path + ": " + container.path("volumeMounts"));
  }

  static JsonNode volume(JsonNode volumes, String name) {
    for (JsonNode v : volumes) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no volume " + name + " in " + volumes);
  }
}
