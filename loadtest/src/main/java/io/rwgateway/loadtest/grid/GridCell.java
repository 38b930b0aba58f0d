package io.rwgateway.loadtest.grid;

import io.rwgateway.translators.metadata.MetadataDetail;

/** One cell of the grid: active series, scrape interval, the backend's max_delay and metadata detail. */
record GridCell(int series, int scrapeSeconds, int maxDelaySeconds, MetadataDetail metadata) {}
