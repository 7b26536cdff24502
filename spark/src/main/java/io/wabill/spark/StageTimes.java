package io.wabill.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * Where a run's time went, stage by stage, from Spark's own task metrics ({@code --timings}): wall time, the tasks'
 * run time and CPU time (the figure that holds on a busy machine), and the parts that went to writing and reading
 * the shuffle and to spilling the sort.
 */
final class StageTimes extends SparkListener {
    record Stage(int id, String name, int tasks, long wallMillis, long runMillis, long cpuMillis, long shuffleWriteMillis,
                 long shuffleReadWaitMillis, long shuffleBytesWritten, long spilledBytes) {}

    private final List<Stage> stages = new ArrayList<>();

    @Override public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        StageInfo s = event.stageInfo();
        TaskMetrics m = s.taskMetrics();
        long wall = s.completionTime().isDefined() && s.submissionTime().isDefined()
                ? (Long) s.completionTime().get() - (Long) s.submissionTime().get() : 0;
        String name = s.name();
        int cut = name.indexOf(" at ");
        stages.add(new Stage(s.stageId(), cut > 0 ? name.substring(0, cut) : name, s.numTasks(), wall,
                m == null ? 0 : m.executorRunTime(),
                m == null ? 0 : m.executorCpuTime() / 1_000_000,
                m == null ? 0 : m.shuffleWriteMetrics().writeTime() / 1_000_000,
                m == null ? 0 : m.shuffleReadMetrics().fetchWaitTime(),
                m == null ? 0 : m.shuffleWriteMetrics().bytesWritten(),
                m == null ? 0 : m.diskBytesSpilled()));
    }

    synchronized List<Stage> stages() { return List.copyOf(stages); }
}
