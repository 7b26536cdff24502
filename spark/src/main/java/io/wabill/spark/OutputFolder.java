package io.wabill.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code --out} on any Hadoop file system (a local folder, hdfs://, s3a://). Everything is written into a staging
 * folder inside it and moved into place only when the whole run succeeded, as {@code simulate} renames its files at
 * the end: a failed run never leaves a ledger that looks complete.
 */
final class OutputFolder {
    private final FileSystem fs;
    private final Path out;
    private final Path staging;
    private final List<String> names = new ArrayList<>();

    OutputFolder(String out, Configuration conf) throws IOException {
        this.out = new Path(out);
        this.fs = this.out.getFileSystem(conf);
        this.staging = new Path(this.out, ".wabill-spark-" + UUID.randomUUID());
        fs.mkdirs(staging);
    }

    /** Where an output goes until the run commits (for Spark's writers). */
    String staged(String name) {
        if (!names.contains(name)) names.add(name);
        return new Path(staging, name).toString();
    }

    Writer open(String name) throws IOException {
        return new OutputStreamWriter(fs.create(new Path(staged(name)), true), StandardCharsets.UTF_8);
    }

    /** Renames Spark's text part files {@code part-….txt} in a staged folder to {@code .csv}. */
    void renameParts(String folder, String from, String to) throws IOException {
        for (FileStatus f : fs.listStatus(new Path(staging, folder))) {
            String n = f.getPath().getName();
            if (n.startsWith("part-") && n.endsWith(from))
                fs.rename(f.getPath(), new Path(f.getPath().getParent(), n.substring(0, n.length() - from.length()) + to));
        }
    }

    /** Moves every staged output into {@code --out}, replacing what an earlier run left there; returns the paths. */
    List<String> commit() throws IOException {
        List<String> written = new ArrayList<>();
        for (String n : List.of("ledger", "summary.csv", "accounting.csv", "errors.csv")) {
            Path target = new Path(out, n);
            if (fs.exists(target)) fs.delete(target, true);
        }
        for (String n : names) {
            Path target = new Path(out, n);
            if (!fs.rename(new Path(staging, n), target)) throw new IOException("cannot move " + n + " into " + out);
            written.add(target.toString());
        }
        fs.delete(staging, true);
        return written;
    }

    void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            // nothing more to do: the staging folder's name says what it is
        }
    }
}
