package io.rwgateway.loadtest;

import io.rwgateway.loadtest.grid.EgressGridCommand;
import io.rwgateway.loadtest.run.RunCommand;
import io.rwgateway.loadtest.sink.SinkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar rw-loadtest.jar run|sink|egress-grid ...}: the load generator, the null backend, the egress grid. */
@Command(name = "rw-loadtest", mixinStandardHelpOptions = true,
    description = "Remote Write load generator (run) and null backend (sink).",
    subcommands = {RunCommand.class, SinkCommand.class, EgressGridCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    cli.registerConverter(java.time.Duration.class, Durations::parse);
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
