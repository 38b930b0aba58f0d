package io.rwgateway.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repo's Dockerfile as instructions grouped by stage (line continuations joined, comments
 * dropped): enough to check what can be checked without a Docker engine.
 */
final class Dockerfile {
  record Instruction(String keyword, String arguments) {
  }

  record Stage(String from, List<Instruction> instructions) {
    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    String last(String keyword) {
      List<String> found = all(keyword);
      if (found.isEmpty()) {
        throw new AssertionError("stage FROM " + from + " has no " + keyword);
      }
      return found.get(found.size() - 1);
    }
  }

  final List<Stage> stages = new ArrayList<>();

  static Dockerfile read(Path file) throws IOException {
    Dockerfile d = new Dockerfile();
    StringBuilder pending = new StringBuilder();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      String instruction = pending.toString().strip();
      pending.setLength(0);
      int space = instruction.indexOf(' ');
      String keyword = instruction.substring(0, space).toUpperCase();
      String arguments = instruction.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        d.stages.add(new Stage(arguments, new ArrayList<>()));
      } else {
        if (d.stages.isEmpty()) {
          throw new AssertionError(file + ": " + keyword + " before the first FROM");
        }
        d.stages.get(d.stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return d;
  }

  Stage stage(String name) {
    return stages.stream().filter(s -> s.from().endsWith(" AS " + name)).findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + name));
  }

  Stage runtime() {
    return stages.get(stages.size() - 1);
  }
}
