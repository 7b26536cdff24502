package io.wabill.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module picture, kept by the build: {@code simulator} (the pricing core) uses none of our modules;
 * {@code datasets} and {@code reports} use {@code simulator}; {@code app} uses those three; {@code cli} and
 * {@code benchmarks} sit on top; a {@code spark} module sits on {@code app} (or {@code simulator} and
 * {@code datasets} alone). picocli is the command lines' alone: {@code cli}'s {@code wabill} and {@code spark}'s
 * {@code wabill-spark}.
 *
 * <p>Checked twice: each module's pom declares only allowed modules, and each compiled class refers only to classes
 * of allowed modules (the class names in its constant pool, so a use through a transitive dependency counts too).
 * It lives in {@code benchmarks}, the last module of the reactor, so every other module's classes are compiled.
 */
class ModuleDependenciesTest {
    /** What each module may use; a module missing here fails the test until its place is decided. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "simulator", Set.of(),
            "datasets", Set.of("simulator"),
            "reports", Set.of("simulator"),
            "app", Set.of("simulator", "datasets", "reports"),
            "spark", Set.of("simulator", "datasets", "reports", "app"),
            "cli", Set.of("simulator", "datasets", "reports", "app"),
            "benchmarks", Set.of("simulator", "datasets", "reports", "app"));

    /** The module of each root package under {@code io.wabill}. */
    static final Map<String, String> MODULE_OF_PACKAGE = Map.of(
            "sim", "simulator", "data", "datasets", "report", "reports", "app", "app", "cli", "cli",
            "bench", "benchmarks", "spark", "spark");

    /** The modules that are command lines, and so may parse one with picocli. */
    static final Set<String> COMMAND_LINES = Set.of("cli", "spark");

    static final Pattern OUR_CLASS = Pattern.compile("io/wabill/(\\w+)/");
    static final Pattern POM_MODULE = Pattern.compile("<module>([^<]+)</module>");
    static final Pattern POM_DEPENDENCY = Pattern.compile("<artifactId>wabill-(\\w+)</artifactId>");

    static final Path ROOT = root();

    @Test
    void everyModuleHasAPlaceInThePicture() {
        for (String module : modules()) assertTrue(ALLOWED.containsKey(module), "module " + module + " has no row in ALLOWED");
    }

    @Test
    void eachPomDeclaresOnlyModulesItMayUse() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : modules()) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            Matcher m = POM_DEPENDENCY.matcher(pom);
            while (m.find()) {
                String used = m.group(1).equals("parent") ? null : m.group(1); // artifact wabill-X is module X
                if (used != null && !used.equals(module) && !ALLOWED.get(module).contains(used))
                    violations.add(module + "/pom.xml depends on " + used);
            }
            if (!COMMAND_LINES.contains(module) && pom.contains("<artifactId>picocli</artifactId>"))
                violations.add(module + "/pom.xml depends on picocli, which is the command lines' alone");
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void eachModulesClassesReachOnlyModulesItMayUse() {
        List<String> violations = new ArrayList<>();
        for (String module : modules()) violations.addAll(violations(module, classes(module)));
        assertEquals(List.of(), violations);
    }

    /** The scan sees real references: app's classes do use the pricing core, and a forbidden use is reported. */
    @Test
    void theScanFindsReferences() {
        Path app = classes("app");
        assertTrue(reachedModules(app).contains("simulator"), "app's classes refer to the pricing core");
        assertTrue(!violations("simulator", app).isEmpty(), "app's classes, were they simulator's, would break its rule");
    }

    /** Each use of a module {@code module} may not make from the classes under {@code dir}. */
    static List<String> violations(String module, Path dir) {
        List<String> out = new ArrayList<>();
        forEachClass(dir, (file, used) -> {
            if (!used.equals(module) && !ALLOWED.get(module).contains(used))
                out.add(module + ": " + dir.relativize(file) + " uses " + used);
        });
        if (!COMMAND_LINES.contains(module)) {
            forEachClassText(dir, (file, text) -> {
                if (text.contains("picocli/")) out.add(module + ": " + dir.relativize(file) + " uses picocli");
            });
        }
        return out;
    }

    static Set<String> reachedModules(Path dir) {
        Set<String> modules = new TreeSet<>();
        forEachClass(dir, (file, used) -> modules.add(used));
        return modules;
    }

    private static void forEachClass(Path dir, java.util.function.BiConsumer<Path, String> use) {
        forEachClassText(dir, (file, text) -> {
            Matcher m = OUR_CLASS.matcher(text);
            Set<String> seen = new TreeSet<>();
            while (m.find()) {
                String module = MODULE_OF_PACKAGE.get(m.group(1));
                if (module == null) throw new AssertionError(file + " refers to io.wabill." + m.group(1) + ", a package of no known module");
                if (seen.add(module)) use.accept(file, module);
            }
        });
    }

    /** Each class file's bytes as Latin-1 text: the constant pool's class names are plain ASCII in it. */
    private static void forEachClassText(Path dir, java.util.function.BiConsumer<Path, String> each) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator)
                each.accept(f, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> modules() {
        try {
            List<String> modules = new ArrayList<>();
            Matcher m = POM_MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
            while (m.find()) modules.add(m.group(1).trim());
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path classes(String module) {
        Path dir = ROOT.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(dir), "no compiled classes of " + module + " at " + dir + "; build the whole reactor");
        return dir;
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent())
            if (Files.exists(p.resolve("pom.xml")) && Files.exists(p.resolve("simulator/pom.xml"))) return p;
        throw new IllegalStateException("no wabill root above " + here);
    }
}
