package io.rwgateway.config;

import java.util.Collection;

/** Finds the known key an unknown one was probably meant to be ("did you mean max_bytes?"). */
final class KeySuggestions {
  private KeySuggestions() {
  }

  /**
   * @return the closest known key by edit distance, ignoring case and treating '-' as '_', or null
   *         when none is close enough (at most a third of the key's length, 1 to 3 edits)
   */
  static String closest(String unknown, Collection<String> known) {
    String u = normalize(unknown);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(u, normalize(candidate));
      int allowed = Math.max(1, Math.min(3, candidate.length() / 3));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static String normalize(String key) {
    return key.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
