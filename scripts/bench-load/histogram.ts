// Latencies in HdrHistograms (hdr-histogram-js): recorded in microseconds in each worker, sent to
// the parent compressed, merged there. Three significant digits: 0.1 % resolution at any size.
import * as hdr from 'hdr-histogram-js';

export type Histogram = hdr.Histogram;

export function newHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

/** Records a latency given in milliseconds. */
export function recordMs(histogram: Histogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function encode(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

export function mergeEncoded(encoded: string[]): Histogram {
  const total = newHistogram();
  for (const text of encoded) {
    const part = hdr.decodeFromCompressedBase64(text);
    total.add(part);
    part.destroy();
  }
  return total;
}

export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/** Percentiles in milliseconds (NaN when nothing was recorded). */
export function percentiles(histogram: Histogram): Percentiles {
  const count = histogram.totalCount;
  const at = (p: number) => (count === 0 ? NaN : histogram.getValueAtPercentile(p) / 1000);
  return { count, p50: at(50), p99: at(99), p999: at(99.9), max: count === 0 ? NaN : histogram.maxValue / 1000 };
}
