package io.wabill.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * The files one run writes, published as one commit. Every file (ledger, tables, errors, charts, report, FOCUS export,
 * workbook, generated log) is written into a staging folder private to the run ({@code .wabill-run-<random>/}, one in
 * each folder the run writes into), and {@link #commit()} moves them all to their names and then writes the manifest
 * ({@code run.json}, {@link RunManifest}) last. So:
 * <ul>
 * <li>a run that fails or is killed leaves no file under a final name and no manifest (its hidden staging folder is
 *     removed by the next run into the same folder);</li>
 * <li>a second run into the same folder while one is running is refused: a run takes an operating-system lock on
 *     the empty hidden file {@code .wabill.lock} of every folder it writes into ({@code --out}, and {@code --charts},
 *     {@code --report} or a {@code --focus} file's folder elsewhere), which dies with the process, so a killed run
 *     never blocks the next (the file stays: see {@link FileLocks}); a run beside a file locks
 *     {@code .NAME.wabill.lock} instead, so runs writing other files into that folder go on;</li>
 * <li>files an earlier run wrote (named in its manifest) that this run does not write are removed at commit, when
 *     their size and SHA-256 still match what that manifest recorded, so a folder never mixes two runs and a user's
 *     own files are never touched;</li>
 * <li>every target is checked before the first byte ({@link #claim}, {@link #folder}): a file target that is a
 *     folder, a folder that is a file or cannot be written, two outputs with one name.</li>
 * </ul>
 * Every failure to write is an {@link OutputException} whose one-line message names the file.
 */
public final class OutputSet implements OutputFolder, AutoCloseable {
    /** The manifest's name in a folder a command writes into ({@code --out DIR}). */
    public static final String MANIFEST = "run.json";
    /** The lock file of a folder a run writes into. */
    public static final String LOCK = ".wabill.lock";
    /**
     * Bytes of a file written on the run's thread before the rest goes to a thread of its own ({@link WriteBehind}):
     * the ledger and a generated log do; the tables and reports never reach it.
     */
    public static final long WRITE_BEHIND_FROM = 4L << 20;

    /**
     * The set that commits: this one, or for a view of a sub-folder ({@link #within}) the set it belongs to. Every
     * collection below is the owner's, shared by its views, so a file opened through a view is committed with the rest.
     */
    private final OutputSet owner;
    private final Path folder;
    private final String manifestName;
    private final RunManifest manifest;
    private FileLocks.Held lock;
    /** The locks of the other folders this run writes into. */
    private final List<FileLocks.Held> folderLocks;
    private final Map<Path, StagingFolder> staging;
    private final Map<Path, Staged> files;
    private final Map<Path, String> claims;
    /** Folders this run created to check its targets; an aborted run removes them again when they are empty. */
    private final List<Path> created;
    /** The sub-folders written through views ({@link #within}), whose files this set's manifest names. */
    private final Set<Path> views;
    private boolean finished;
    /** A folder that grows run by run ({@link #accumulating}): earlier files stay and stay listed. */
    private boolean accumulating;
    /** Large files opened from now on are written on a thread of their own ({@link #writingBehind}). */
    private boolean writeBehind;

    private OutputSet(Path folder, String manifestName, RunManifest manifest) {
        this.owner = this;
        this.folder = folder;
        this.manifestName = manifestName;
        this.manifest = manifest;
        this.folderLocks = new ArrayList<>();
        this.staging = new LinkedHashMap<>();
        this.files = new LinkedHashMap<>();
        this.claims = new LinkedHashMap<>();
        this.created = new ArrayList<>();
        this.views = new HashSet<>();
    }

    /** A view of {@code owner} writing into {@code folder}, one of its sub-folders ({@link #within}). */
    private OutputSet(OutputSet owner, Path folder) {
        this.owner = owner;
        this.folder = folder;
        this.manifestName = owner.manifestName;
        this.manifest = owner.manifest;
        this.folderLocks = owner.folderLocks;
        this.staging = owner.staging;
        this.files = owner.files;
        this.claims = owner.claims;
        this.created = owner.created;
        this.views = owner.views;
    }

    /**
     * Starts a run writing into {@code folder} (created when missing), with its manifest {@code run.json}; refused
     * with an {@link OutputException} when another run is writing into it.
     */
    public static OutputSet begin(Path folder, RunManifest manifest) throws IOException {
        return start(folder.toAbsolutePath().normalize(), MANIFEST, LOCK, manifest);
    }

    /**
     * Starts a run whose main output is one file in a folder of other things ({@code generate --out log.csv.gz},
     * {@code import webhooks --out log.csv}): its manifest is {@code NAME.run.json} beside it, so runs writing other
     * files into the same folder neither block nor clean up each other.
     */
    public static OutputSet beside(Path file, RunManifest manifest) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new OutputException(file + " is a folder; give the name of the file to write");
        return start(abs.getParent(), abs.getFileName() + ".run.json", "." + abs.getFileName() + ".wabill.lock", manifest);
    }

    private static OutputSet start(Path folder, String manifestName, String lockName, RunManifest manifest) throws IOException {
        OutputSet set = new OutputSet(folder, manifestName, manifest);
        set.makeFolder(folder);
        Path lockFile = folder.resolve(lockName);
        try {
            set.lock = lock(lockFile, folder);
        } catch (IOException | RuntimeException e) {
            set.abort();
            throw e;
        }
        try {
            set.claims.put(folder.resolve(manifestName), manifestName);
            set.claims.put(lockFile, lockFile.getFileName().toString());
            set.stagingFor(folder);
            return set;
        } catch (IOException | RuntimeException e) {
            set.abort();
            throw e;
        }
    }

    @Override public Path path() { return folder; }

    public RunManifest manifest() { return manifest; }

    /**
     * Files opened from now on write their bytes past the first {@link #WRITE_BEHIND_FROM} on a thread of their own
     * ({@link WriteBehind}): for a run allowed a second thread, whose ledger's page-cache copy and hash were a fifth of
     * its pricing thread (issue 14).
     */
    public OutputSet writingBehind() {
        owner.writeBehind = true;
        return this;
    }

    /** Where the manifest goes. */
    public Path manifestPath() { return owner.folder.resolve(manifestName); }

    /**
     * This set seen from another folder it writes into, such as a backtest's {@code actual/}: a writer that knows only
     * an output set ({@code SimulationRun}) writes there with its own names, checked and staged as the rest, and its
     * files are published by this set's {@link #commit()} and named in this set's manifest ({@code actual/summary.csv}).
     * The view shares the manifest and the row accounting; it cannot commit or abort on its own.
     */
    public OutputSet within(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.equals(folder)) return this;
        String other = claims.get(abs);
        if (other != null) throw new OutputException(dir + " is a folder here, but this run also writes " + other + " there");
        stagingFor(abs);
        views.add(abs);
        return new OutputSet(owner, abs);
    }

    /**
     * Makes this a set for a folder that grows run by run, such as a catalog of rate cards ({@code rates import}):
     * files of earlier runs that this run does not write are kept instead of removed, and its manifest names them
     * too, as long as their size and SHA-256 are still those the earlier manifest recorded (a file changed since is
     * left alone and no longer named). So the folder's manifest still names exactly the files wabill wrote there.
     */
    public OutputSet accumulating() {
        owner.accumulating = true;
        return this;
    }

    /** Declares names this run writes into its own folder, so that no other target of the run may take them. */
    public void reserve(String... names) throws IOException {
        for (String n : names) claim(folder.resolve(n), n);
    }

    /**
     * Checks, before anything is written, a file target given by the user ({@code --focus FILE}): not a folder, in a
     * folder that can be written, not a name another output of this run takes.
     *
     * @param what how the user named it, for the message, e.g. {@code --focus}
     */
    public void claim(Path target, String what) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new OutputException(what + " " + target + " is a folder; give a file name");
        String other = claims.get(abs);
        if (other != null && !other.equals(what))
            throw new OutputException(what + " " + target + " is also where this run writes " + other + "; give another file name");
        stagingFor(abs.getParent());
        claims.put(abs, what);
    }

    /** The view of another folder this run writes into (checked and prepared now, before the first byte). */
    public OutputFolder folder(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.equals(folder)) return this;
        String other = claims.get(abs);
        if (other != null) throw new OutputException(dir + " is a folder here, but this run also writes " + other + " there");
        stagingFor(abs);
        return new OutputFolder() {
            @Override public Path path() { return abs; }
            @Override public Writer open(String name) throws IOException { return writer(abs, name); }
            @Override public OutputStream openBinary(String name) throws IOException { return stream(abs, name); }
        };
    }

    @Override public Writer open(String name) throws IOException { return writer(folder, name); }

    @Override public OutputStream openBinary(String name) throws IOException { return stream(folder, name); }

    /**
     * Where a written (closed) file of this run lies until the commit, for a run that reads back what it wrote
     * (reconcile prices the log it imported).
     */
    public Path staged(Path target) {
        Staged s = files.get(target.toAbsolutePath().normalize());
        if (s == null || !s.closed) throw new IllegalStateException(target + " was not written and closed by this run");
        return s.file;
    }

    /**
     * Where the closed file {@code target} of this run lies until the commit, or null when this run has not written
     * it (a run's workbook reads the tables the run wrote, whichever it wrote).
     */
    public Path written(Path target) {
        Staged s = files.get(target.toAbsolutePath().normalize());
        return s == null || !s.closed ? null : s.file;
    }

    /** How many files were opened so far; {@link #rollback} forgets those opened after. */
    public int mark() { return files.size(); }

    /** Deletes the files opened since {@code mark} (a run that starts over: the log turned out unsorted). */
    public void rollback(int mark) {
        List<Path> targets = new ArrayList<>(files.keySet());
        for (Path t : targets.subList(mark, targets.size())) files.remove(t).discard();
    }

    /** Deletes the staged file {@code name} of this run's own folder, if one was opened (a writer that starts over). */
    public void discard(String name) {
        Staged s = files.remove(folder.resolve(name));
        if (s != null) s.discard();
    }

    /**
     * Gives the file opened as {@code name} in this run's own folder the final name {@code newName} instead (a name
     * only known once the run is over, such as a rank); it moves to the end of the order of {@link #commit()}, so
     * files renamed in order are listed in that order. It stays staged under its first name until the commit.
     */
    public void rename(String name, String newName) throws IOException {
        if (owner.finished) throw new IllegalStateException("the output set was already committed or aborted");
        Path from = folder.resolve(name), to = folder.resolve(newName);
        Staged s = files.get(from);
        if (s == null) throw new IllegalArgumentException(name + " was not opened in " + folder);
        if (from.equals(to)) return;
        if (files.containsKey(to)) throw new IllegalArgumentException(newName + " is already taken in " + folder);
        if (Files.isDirectory(to)) throw new OutputException("cannot write " + to + ": a folder of that name is in the way");
        files.remove(from);
        s.target = to;
        files.put(to, s);
    }

    /**
     * Publishes the run: moves every file to its name, removes files of the earlier run that this one did not write,
     * and writes the manifest last. Returns the files in the order they were opened, then the manifest.
     */
    public List<Path> commit() throws IOException {
        if (owner != this) throw new IllegalStateException("a view of " + folder + " is committed by the set of " + owner.folder);
        if (finished) throw new IllegalStateException("the output set was already committed or aborted");
        try {
            for (Staged s : files.values())
                if (!s.closed) throw new IllegalStateException(s.target + " was not closed before the commit");
            manifest.awaitInputs(); // an input that cannot be read fails here, before anything moves
            Path manifestPath = manifestPath();
            List<RunManifest.FileEntry> earlier = RunManifest.filesOf(manifestPath);
            List<RunManifest.FileEntry> entries = new ArrayList<>();
            if (accumulating) entries.addAll(unchanged(earlier));
            // From here until the new manifest lands the folder has none: a reader trusts no half-published set.
            deleteOrFail(manifestPath);
            // A sub-folder this set vouches for keeps no manifest of its own (a backtest's actual/ once had one): it
            // would name files this run replaces. Removed before anything moves, so a failure publishes nothing.
            for (Path v : views) deleteOrFail(v.resolve(MANIFEST));
            List<Path> written = new ArrayList<>();
            for (Staged s : files.values()) {
                move(s.file, s.target);
                entries.add(new RunManifest.FileEntry(folder.relativize(s.target).toString().replace('\\', '/'), s.bytes, s.sha256));
                written.add(s.target);
            }
            if (!accumulating) removeEarlier(earlier, new HashSet<>(written));
            Path staged = staging.get(folder).path().resolve(manifestName);
            try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                manifest.write(out, entries);
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw OutputException.writing(manifestPath, e);
            }
            move(staged, manifestPath);
            written.add(manifestPath);
            finished = true;
            release();
            created.clear();
            return written;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Deletes every file of the run not yet published and releases the folder; safe to call more than once. */
    public void abort() {
        if (owner != this) {
            owner.abort();
            return;
        }
        if (!finished && manifest != null) manifest.abandon(); // its inputs need no hash
        for (Staged s : files.values()) s.discard();
        files.clear();
        boolean wasFinished = finished;
        finished = true;
        release();
        if (!wasFinished) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i)); // only when empty; a folder with anything in it stays
                } catch (IOException ignored) {
                    // not empty, or not ours to remove
                }
            }
        }
        created.clear();
    }

    /** Aborts unless committed, so {@code try (OutputSet o = …)} never leaves a half run behind. */
    @Override public void close() {
        if (owner != this) return; // the owner's close decides
        if (!finished) abort();
    }

    private void release() {
        for (StagingFolder f : staging.values()) f.close();
        staging.clear();
        for (FileLocks.Held h : folderLocks) h.close();
        folderLocks.clear();
        if (lock != null) lock.close();
        lock = null;
    }

    /** The earlier manifest's files of this folder that this run does not replace and that nobody changed since. */
    private List<RunManifest.FileEntry> unchanged(List<RunManifest.FileEntry> earlier) {
        Set<Path> replaced = new HashSet<>();
        for (Staged s : files.values()) replaced.add(s.target);
        List<RunManifest.FileEntry> kept = new ArrayList<>();
        for (RunManifest.FileEntry e : earlier) {
            Path p = folder.resolve(e.path()).normalize();
            if (!folder.equals(p.getParent()) || replaced.contains(p) || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                continue;
            try {
                if (Files.size(p) == e.bytes() && RunManifest.describe(p, e.path()).sha256().equals(e.sha256())) kept.add(e);
            } catch (IOException ignored) {
                // unreadable now: not named, and not touched
            }
        }
        return kept;
    }

    /** Files the earlier manifest names that this run did not write, removed when they are still what it recorded. */
    private void removeEarlier(List<RunManifest.FileEntry> earlier, Set<Path> written) {
        for (RunManifest.FileEntry e : earlier) {
            Path p = folder.resolve(e.path()).normalize();
            // Only in a folder this run writes into: a manifest never sends wabill elsewhere (../../something).
            if (p.getParent() == null || !staging.containsKey(p.getParent())) continue;
            if (written.contains(p) || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                if (Files.size(p) != e.bytes()) continue; // changed since: not ours any more
                if (!RunManifest.describe(p, e.path()).sha256().equals(e.sha256())) continue;
                Files.delete(p);
            } catch (IOException ignored) {
                // left in place: the new manifest does not name it, so nobody takes it for part of this run
            }
        }
    }

    /** Locks a folder's lock file, or says that another run holds it. */
    private static FileLocks.Held lock(Path lockFile, Path folder) throws IOException {
        FileLocks.Held held;
        try {
            held = FileLocks.tryLock(lockFile);
        } catch (IOException e) {
            throw new OutputException("cannot write into " + folder + ": " + OutputException.reason(e), e);
        }
        if (held == null)
            throw new OutputException("another wabill run is writing into " + folder + " (it holds " + lockFile.getFileName()
                    + "); wait for it to finish, or give another output folder");
        return held;
    }

    private StagingFolder stagingFor(Path dir) throws IOException {
        StagingFolder s = staging.get(dir);
        if (s != null) return s;
        makeFolder(dir);
        // Another folder of this run (--charts, --report, a --focus file's): locked too, so two runs with different
        // --out folders never mix their charts or reports in a shared one.
        if (!dir.equals(owner.folder)) folderLocks.add(lock(dir.resolve(LOCK), dir));
        try {
            s = StagingFolder.create(dir);
        } catch (IOException e) {
            throw new OutputException("cannot write into " + dir + ": " + OutputException.reason(e), e);
        }
        staging.put(dir, s);
        return s;
    }

    private void makeFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new OutputException(dir + " is a file, not a folder; give a folder to write into");
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) missing.add(0, p);
        try {
            Files.createDirectories(dir);
            created.addAll(missing);
        } catch (IOException e) {
            throw new OutputException("cannot create the folder " + dir + ": " + OutputException.reason(e), e);
        }
    }

    private Writer writer(Path dir, String name) throws IOException {
        OutputStream out = stream(dir, name);
        if (name.endsWith(".gz")) out = new GZIPOutputStream(out, 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private OutputStream stream(Path dir, String name) throws IOException {
        if (owner.finished) throw new IllegalStateException("the output set was already committed or aborted");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(StagingFolder.PREFIX))
            throw new IllegalArgumentException("not a plain file name: " + name);
        Path target = dir.resolve(name);
        if (files.containsKey(target))
            throw new OutputException("two outputs of this run would be " + target + "; give them different names");
        if (Files.isDirectory(target)) throw new OutputException("cannot write " + target + ": a folder of that name is in the way");
        Path file = stagingFor(dir).path().resolve(name);
        OutputStream raw;
        try {
            raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw OutputException.writing(target, e);
        }
        Staged s = new Staged(target, file, raw, owner.writeBehind);
        files.put(target, s);
        return new BufferedOutputStream(s, 1 << 16);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException x) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw OutputException.writing(to, e);
        }
    }

    private static void deleteOrFail(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new OutputException("cannot replace " + p + ": " + OutputException.reason(e), e);
        }
    }

    /**
     * One staged file: counts and hashes what is written, and names the final file in every failure. In a set
     * {@link #writingBehind}, past its first {@link #WRITE_BEHIND_FROM} bytes a file is written and hashed on a thread
     * of its own ({@link WriteBehind}), so the run's thread only copies the bytes of a large file such as the ledger.
     */
    private static final class Staged extends OutputStream {
        /** Where the file is published; changed only by {@link #rename}. */
        Path target;
        final Path file;
        private final OutputStream out;
        private final MessageDigest sha = RunManifest.sha256();
        private WriteBehind behind;
        private final boolean mayGoBehind;
        long bytes;
        boolean closed;
        String sha256;

        Staged(Path target, Path file, OutputStream out, boolean mayGoBehind) {
            this.target = target;
            this.file = file;
            this.out = out;
            this.mayGoBehind = mayGoBehind;
        }

        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            if (behind == null && mayGoBehind && bytes + len > WRITE_BEHIND_FROM) behind = new WriteBehind(this::writeNow, target.getFileName().toString());
            if (behind != null) behind.write(b, off, len);
            else writeNow(b, off, len);
            bytes += len;
        }

        /** Into the file and its hash: on the caller's thread, or on the file's own once it went behind. */
        private void writeNow(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw OutputException.writing(target, e);
            }
            sha.update(b, off, len);
        }

        @Override public void flush() throws IOException {
            if (behind != null) behind.drain();
            try {
                out.flush();
            } catch (IOException e) {
                throw OutputException.writing(target, e);
            }
        }

        @Override public void close() throws IOException {
            if (closed) return;
            if (behind != null) behind.finish(); // its hash is complete once its thread has stopped
            try {
                out.close();
            } catch (IOException e) {
                throw OutputException.writing(target, e);
            }
            closed = true;
            sha256 = HexFormat.of().formatHex(sha.digest());
        }

        void discard() {
            if (behind != null) behind.abandon();
            try {
                out.close();
            } catch (IOException ignored) {
                // deleted below
            }
            closed = true;
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // inside the staging folder, deleted with it
            }
        }
    }
}
