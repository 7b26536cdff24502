package io.wabill.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The size and SHA-256 of a run's input files ({@link RunManifest}), each read on a thread of its own as soon as the
 * input is named, in the order named, so the commit finds them done instead of reading a large log a second time on
 * the run's thread. A file that cannot be read fails the commit as before ({@link OutputException}).
 */
final class InputHasher {
    private final Map<Path, CompletableFuture<RunManifest.FileEntry>> entries = new HashMap<>();
    private final List<Path> queue = new ArrayList<>();
    private Thread thread;
    private volatile boolean abandoned;

    /** Starts hashing {@code file} after the files named before it. */
    synchronized void add(Path file) {
        if (entries.containsKey(file)) return;
        entries.put(file, new CompletableFuture<>());
        queue.add(file);
        if (thread == null || !thread.isAlive()) {
            thread = new Thread(this::run, "wabill-hash-inputs");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The file's entry, waiting for its hash. */
    RunManifest.FileEntry entry(Path file) throws IOException {
        CompletableFuture<RunManifest.FileEntry> f;
        synchronized (this) {
            f = entries.get(file);
        }
        if (f == null) return RunManifest.describe(file, file.toString());
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The run will not commit: stops after the current buffer. */
    void abandon() { abandoned = true; }

    private void run() {
        while (!abandoned) {
            Path next;
            CompletableFuture<RunManifest.FileEntry> f;
            synchronized (this) {
                if (queue.isEmpty()) {
                    thread = null; // the next add starts another
                    return;
                }
                next = queue.remove(0);
                f = entries.get(next);
            }
            try {
                RunManifest.FileEntry e = RunManifest.describe(next, next.toString(), () -> abandoned);
                if (e == null) f.completeExceptionally(new IllegalStateException("the run was abandoned"));
                else f.complete(e);
            } catch (IOException | UncheckedIOException | SecurityException e) {
                f.completeExceptionally(e);
            }
        }
    }
}
