package io.wabill.data.traffic;

import java.io.IOException;

/**
 * Receives a generated log's rows in log order (timestamp, then generation order). A row is valid during the call only:
 * the generator reuses it afterwards.
 */
@FunctionalInterface
public interface TrafficSink {
    void row(GeneratedRow row) throws IOException;
}
