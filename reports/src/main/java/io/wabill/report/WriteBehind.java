package io.wabill.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Writes a large file's bytes on a thread of its own: the caller's bytes are copied into one of a few blocks, and
 * full blocks go to a writer thread that hands them to the {@link Sink} (the file and its SHA-256, see
 * {@link OutputSet}), in order. Measured on issue 14's 2M-row log, writing the 323 MB ledger (the kernel's copy into
 * the page cache and the hash) was about a fifth of the pricing thread's time; behind it, that thread only copies.
 *
 * <p>The bytes that reach the sink, and their order, are the caller's exactly. A failure of the sink is raised to
 * the caller by its next {@link #write}, {@link #drain} or {@link #finish}, as it was thrown (an
 * {@link OutputException} names the file); later blocks are then dropped. The caller waits only when every block is
 * full, so memory stays at {@link #BLOCKS} blocks of {@link #BLOCK} bytes. One caller thread.
 */
final class WriteBehind {
    /** Where the bytes go, on the writer thread. */
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    /** Bytes a block holds: large enough that the hand-over costs nothing per line, small enough to stay cached. */
    static final int BLOCK = 1 << 18;
    static final int BLOCKS = 4;

    private static final class Block {
        final byte[] data;
        int length;
        /** A marker, not bytes: counted down when the writer reaches it ({@link #drain}). */
        final CountDownLatch reached;

        Block(int size, CountDownLatch reached) {
            this.data = new byte[size];
            this.reached = reached;
        }
    }

    private static final Block STOP = new Block(0, null);

    private final Sink sink;
    private final ArrayBlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 2);
    private final ArrayBlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread writer;
    private volatile Throwable failure;
    private Block filling;
    private boolean stopped;

    /** Starts the writer thread, named after the file. */
    WriteBehind(Sink sink, String name) {
        this.sink = sink;
        for (int i = 1; i < BLOCKS; i++) free.add(new Block(BLOCK, null));
        this.filling = new Block(BLOCK, null);
        this.writer = new Thread(this::run, "wabill-write-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Takes the bytes; they reach the sink later, in order. */
    void write(byte[] b, int off, int len) throws IOException {
        raiseFailure();
        while (len > 0) {
            Block f = filling;
            int n = Math.min(len, BLOCK - f.length);
            System.arraycopy(b, off, f.data, f.length, n);
            f.length += n;
            off += n;
            len -= n;
            if (f.length == BLOCK) handOver();
        }
    }

    /** Returns once every byte taken so far has reached the sink, or throws what the sink threw. */
    void drain() throws IOException {
        if (filling.length > 0) handOver();
        CountDownLatch reached = new CountDownLatch(1);
        put(new Block(0, reached));
        try {
            reached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        raiseFailure();
    }

    /** {@link #drain}, then stops the writer thread; throws what the sink threw. */
    void finish() throws IOException {
        try {
            drain();
        } finally {
            stop(false);
        }
    }

    /** Stops the writer thread without waiting for the bytes it has not written (the file is being deleted). */
    void abandon() { stop(true); }

    private void stop(boolean now) {
        if (stopped) return;
        stopped = true;
        if (now) writer.interrupt();
        else full.add(STOP); // room: the caller puts at most one block between two the writer takes
        Threads.join(writer);
    }

    private void handOver() throws IOException {
        put(filling);
        try {
            filling = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        raiseFailure();
    }

    private void put(Block b) throws IOException {
        if (stopped) throw new IllegalStateException("the file was closed");
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void raiseFailure() throws IOException {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof IOException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new UncheckedIOException(new IOException(t));
    }

    private void run() {
        try {
            while (true) {
                Block b = full.take();
                if (b == STOP) return;
                if (b.reached != null) {
                    b.reached.countDown();
                    continue;
                }
                if (failure == null) {
                    try {
                        sink.write(b.data, 0, b.length);
                    } catch (Throwable t) {
                        failure = t; // raised to the caller; later blocks are dropped
                    }
                }
                b.length = 0;
                free.put(b);
            }
        } catch (InterruptedException e) {
            // abandoned: the file is deleted
        }
    }
}
