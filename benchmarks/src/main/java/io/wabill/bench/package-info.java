/** JMH benchmarks of wabill's hot paths (see BENCHMARKS.md). */
package io.wabill.bench;
