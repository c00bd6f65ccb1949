package kr.aa.spark;

import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The job's one Spark session: the session already running in this JVM (a test's, say), else one started
 * when a step first needs it (in whichever thread runs the step) and stopped when the job ends, however it ends.
 */
public final class JobSpark implements JobExecutionListener {

    private final String master;
    private SparkSession started;

    public JobSpark(String master) {
        this.master = master;
    }

    public synchronized SparkSession session() {
        var running = SparkSession.getDefaultSession();
        if (running.isDefined()) {
            return running.get();
        }
        started = SparkSessions.start(master);
        return started;
    }

    @Override
    public synchronized void afterJob(JobExecution jobExecution) {
        if (started != null) {
            started.stop();
            started = null;
        }
    }
}
