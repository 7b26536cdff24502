package io.wabill.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark for the whole test run (starting one costs seconds): two cores, two shuffle partitions, no UI.
 * {@link SparkMain} uses a session that is already running and leaves it running.
 */
final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {}

    static synchronized SparkSession get() {
        if (spark == null) {
            SparkConf conf = SparkMain.withPlainLocalFiles(new SparkConf())
                    .setMaster("local[2]").setAppName("wabill-spark tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "2")
                    .set("spark.default.parallelism", "2")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            spark = SparkSession.builder().config(conf).getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
