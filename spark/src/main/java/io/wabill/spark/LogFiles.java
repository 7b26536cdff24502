package io.wabill.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The LOG arguments as files: a local file stays as given (errors then name it as {@code simulate} does); a folder
 * or a Hadoop glob ({@code hdfs:///logs/2026-10/part-*.csv.gz}) becomes its {@code .csv}, {@code .csv.gz} and
 * {@code .parquet} files in name order, the order {@code simulate} would be given them.
 */
final class LogFiles {
    private LogFiles() {}

    /** A Parquet file, read by Spark's Parquet reader and normalised by {@link ParquetLogReader}. */
    static boolean isParquet(String name) { return name.endsWith(".parquet"); }

    static List<String> expand(List<String> args) throws IOException {
        List<String> files = new ArrayList<>();
        Configuration conf = new Configuration();
        for (String a : args) {
            java.nio.file.Path local = a.contains("://") ? null : java.nio.file.Path.of(a);
            if (local != null && java.nio.file.Files.isRegularFile(local)) {
                files.add(a);
                continue;
            }
            Path p = new Path(a);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                files.add(a); // the reader reports the missing file with the name the user gave
                continue;
            }
            List<FileStatus> found = new ArrayList<>();
            for (FileStatus m : matches) {
                if (m.isDirectory()) found.addAll(Arrays.asList(fs.listStatus(m.getPath())));
                else found.add(m);
            }
            List<String> names = new ArrayList<>();
            for (FileStatus f : found) {
                String n = f.getPath().getName();
                if (f.isFile() && (n.endsWith(".csv") || n.endsWith(".csv.gz") || isParquet(n))) names.add(f.getPath().toString());
            }
            if (names.isEmpty()) throw new UserException("no .csv, .csv.gz or .parquet log files in " + a);
            names.sort(null);
            files.addAll(names);
        }
        return files;
    }
}
