package io.rwgateway.loadtest.grid;

import java.util.Locale;

/**
 * What one cell measured, over whole windows flushed in its measured period.
 *
 * @param samplesIn       samples (float and native histogram) received in the measured windows
 * @param bytesIn         snappy RW 1.0 bytes received for them, plus the metadata requests of the
 *                        measured time (pro rata: Prometheus sends them once a minute)
 * @param bytesOut        snappy RW 2.0 bytes the gateway sent for those windows
 * @param seriesOut       series entries written in the RW 2.0 requests
 * @param samplesOut      samples written in them
 * @param windows         windows flushed in the measured period
 * @param earlyFlushes    of which flushed because they reached windowBytes, not max_delay
 * @param sizeLimited     windowBytes is reached before max_delay (D no longer matters)
 * @param shortRun        measured over a shorter period (see {@code EgressSimulation}): size-limited, or a window holds less than a scrape
 * @param windowScrapes   how many scrapes of every series one window can hold by size (windowBytes / bytes of a scrape)
 */
record CellResult(GridCell cell, int targets, int families, long samplesIn, long bytesIn, long bytesOut,
    long seriesOut, long samplesOut, long requestsIn, long requestsOut, double p50DelaySeconds,
    double p99DelaySeconds, long windows, long earlyFlushes, boolean sizeLimited, boolean shortRun, double windowScrapes,
    double warmupSeconds, double measuredSeconds, double wallSeconds) {

  static final String CSV_HEADER = "series,scrape_s,max_delay_s,metadata,samples_in,bytes_in,bytes_out,ratio,"
      + "samples_per_series_per_request,p50_delay_s,p99_delay_s,early_flushes,windows,size_limited,short_run,"
      + "window_scrapes,targets,families,requests_in,requests_out,warmup_s,measured_s,wall_s";

  double ratio() {
    return bytesIn == 0 ? Double.NaN : (double) bytesOut / bytesIn;
  }

  double samplesPerSeriesPerRequest() {
    return seriesOut == 0 ? Double.NaN : (double) samplesOut / seriesOut;
  }

  String csvRow() {
    return String.join(",", Integer.toString(cell.series()), Integer.toString(cell.scrapeSeconds()),
        Integer.toString(cell.maxDelaySeconds()), cell.metadata().configName(), Long.toString(samplesIn),
        Long.toString(bytesIn), Long.toString(bytesOut), f("%.4f", ratio()), f("%.3f", samplesPerSeriesPerRequest()),
        f("%.2f", p50DelaySeconds), f("%.2f", p99DelaySeconds), Long.toString(earlyFlushes), Long.toString(windows),
        Boolean.toString(sizeLimited), Boolean.toString(shortRun), f("%.2f", windowScrapes), Integer.toString(targets), Integer.toString(families),
        Long.toString(requestsIn), Long.toString(requestsOut), f("%.1f", warmupSeconds), f("%.1f", measuredSeconds),
        f("%.1f", wallSeconds));
  }

  static String f(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }
}
