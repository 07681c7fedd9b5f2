package org.epicall.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Parent of the {@code epicall bench …} commands. Each benchmark prints one figure per line as
 * {@code name: value unit}, beside its baseline measured in the same run, so scripts can read it.
 */
@Command(name = "bench",
        description = "Measure throughput and memory against a baseline run in the same process.",
        subcommands = {
                org.epicall.speech.cli.SpeechBenchCommand.class,
                org.epicall.app.bench.dialer.DialerBenchCommand.class,
                org.epicall.campaign.cli.ImportBenchCommand.class,
                org.epicall.campaign.results.ResultsBenchCommand.class,
                org.epicall.app.bench.E2eBenchCommand.class,
                org.epicall.app.bench.scale.ScaleBenchCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
