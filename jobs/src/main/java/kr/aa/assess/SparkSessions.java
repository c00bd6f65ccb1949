package kr.aa.assess;

import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * The pipeline's Spark session: local on two cores by default, a cluster when a master URL says so. The
 * settings make results independent of the machine: UTC session time zone, ANSI SQL, java.time values.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * Runs {@code work} in the session already active in this JVM (a test's, say), else in a new one that
     * is stopped when the work is done.
     */
    public static <T> T with(String master, Function<SparkSession, T> work) {
        Option<SparkSession> active = SparkSession.getDefaultSession();
        if (active.isDefined()) {
            return work.apply(active.get());
        }
        SparkSession spark = start(master);
        try {
            return work.apply(spark);
        } finally {
            spark.stop();
        }
    }

    public static SparkSession start(String master) {
        SparkSession.Builder builder = SparkSession.builder();
        if (!master.startsWith("local")) {
            // executors of a cluster load the pipeline's classes from its jar
            builder.config("spark.jars", SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        }
        return builder
                .appName("aa-cycle")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "true")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.parquet.compression.codec", "snappy")
                .getOrCreate();
    }
}
