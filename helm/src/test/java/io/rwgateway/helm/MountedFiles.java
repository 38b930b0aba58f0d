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
    for (JsonNode mount : container.path("volumeMounts")) {
      String dir = mount.path("mountPath").asText();
      if (!path.startsWith(dir + "/")) {
        continue;
      }
      String key = path.substring(dir.length() + 1);
      JsonNode volume = volume(volumes, mount.path("name").asText());
      String objectName = volume.has("configMap") ? volume.path("configMap").path("name").asText()
          : volume.path("secret").path("secretName").asText();
      return manifests.file(objectName, key).orElseThrow(() -> new AssertionError(
          path + ": volume " + mount.path("name").asText() + " -> " + objectName + " has no rendered key " + key));
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
