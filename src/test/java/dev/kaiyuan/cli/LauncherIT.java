package dev.kaiyuan.cli;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kaiyuan.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/kaiyuan} that {@code mvn package} puts next to the jar: it runs the jar
 * with the JVM options builds are measured with (BENCHMARKS.md). Run after the package phase.
 */
class LauncherIT {
    static final Path LAUNCHER = Path.of("target", "kaiyuan").toAbsolutePath();

    @TempDir
    Path project;

    @BeforeAll
    static void unixOnly() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "a POSIX shell script");
    }

    record Run(int exit, String output) {}

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        assertThat(LAUNCHER).as("mvn package makes the launcher").isExecutable();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(project.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The JVM prints the options it was started with first: what the launcher chose. */
    private static Map<String, String> showFlags(String more) {
        return Map.of("KAIYUAN_JAVA_OPTS", ("-XX:+PrintCommandLineFlags " + more).trim());
    }

    private static String flags(Run run) {
        return run.output().lines().filter(line -> line.startsWith("-XX:")).findFirst().orElse("");
    }

    @Test
    void aSmallSiteIsBuiltWithTheSerialCollectorAndTheQuickCompilerOnly() throws Exception {
        write(project, "seeds/one.md", "---\ntitle: 一篇\ndate: 2025-08-21\n---\n正文。\n");

        Run run = run(showFlags(""), "build");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(project.resolve("site/articles")).isDirectory();
        assertThat(flags(run)).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        if (Files.exists(LAUNCHER.resolveSibling("kaiyuan.jsa"))) {
            assertThat(flags(run)).contains("-XX:SharedArchiveFile=" + LAUNCHER.resolveSibling("kaiyuan.jsa"));
        }
    }

    /**
     * Where the kernel gives transparent huge pages to a program that asks (its setting names
     * madvise or always), every command asks for them for the heap; an option of the user's wins.
     * The kernel's setting and the balloon's driver are files the test names.
     */
    @Test
    void theHeapAsksForHugePagesWhereTheKernelGivesThem() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the JVM takes the option on Linux only");
        Path noBalloon = Files.createDirectories(project.resolve("no-balloon"));
        Map<String, String> offered = machine(thpSetting("always [madvise] never"), noBalloon);
        Map<String, String> always = machine(thpSetting("[always] madvise never"), noBalloon);
        Map<String, String> never = machine(thpSetting("always madvise [never]"), noBalloon);

        Run build = run(with(offered, "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run serve = run(with(offered, "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "serve", "--help");
        Run alwaysBuild = run(with(always, "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run neverBuild = run(with(never, "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run declined = run(with(offered, "KAIYUAN_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags -XX:-UseTransparentHugePages"), "build", "--help");

        for (Run run : List.of(build, serve, alwaysBuild, neverBuild, declined)) {
            assertThat(run.exit()).as(run.output()).isZero();
        }
        assertThat(flags(build)).contains("-XX:+UseTransparentHugePages");
        assertThat(flags(serve)).contains("-XX:+UseTransparentHugePages");
        assertThat(flags(alwaysBuild)).contains("-XX:+UseTransparentHugePages");
        assertThat(flags(neverBuild)).doesNotContain("UseTransparentHugePages");
        assertThat(flags(declined)).contains("-XX:-UseTransparentHugePages").doesNotContain("+UseTransparentHugePages");
        // also given where the java command reads options itself, which come before ours
        Run declinedThere = run(with(with(offered, "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
                "JDK_JAVA_OPTIONS", "-XX:-UseTransparentHugePages"), "build", "--help");
        assertThat(declinedThere.exit()).as(declinedThere.output()).isZero();
        assertThat(flags(declinedThere)).contains("-XX:-UseTransparentHugePages")
                .doesNotContain("+UseTransparentHugePages");
    }

    /**
     * On a virtual machine whose memory balloon reports free pages to its host (feature bit 5 of
     * virtio's balloon, the sixth character of the features its driver shows), huge pages are not
     * asked for; a balloon without that feature changes nothing.
     */
    @Test
    void noHugePagesWhereTheBalloonReportsFreePages() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the JVM takes the option on Linux only");
        Path setting = thpSetting("always [madvise] never");
        // as a Firecracker machine shows it: stats, deflate on OOM, free page reporting, ...
        Path reporting = balloon("reporting", "0110010100000000000000000000000010000000");
        Path notReporting = balloon("not-reporting", "0110000100000000000000000000000010000000");
        Path unreadable = Files.createDirectories(project.resolve("empty/virtio0"));
        // several balloons: one that reports is enough
        Path second = balloon("second", "0110000100000000000000000000000010000000");
        write(second, "virtio1/features", "0110010100000000000000000000000010000000\n");

        Run reported = run(with(machine(setting, reporting), "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
                "build", "--help");
        Run kept = run(with(machine(setting, notReporting), "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
                "build", "--help");
        Run noFeatures = run(with(machine(setting, unreadable.getParent()), "KAIYUAN_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run askedFor = run(with(machine(setting, reporting), "KAIYUAN_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags -XX:+UseTransparentHugePages"), "build", "--help");
        Run secondReports = run(with(machine(setting, second), "KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
                "build", "--help");
        // with "always" the kernel gives huge pages unasked; the launcher at least does not ask
        Run always = run(with(machine(thpSetting("[always] madvise never"), reporting), "KAIYUAN_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags"), "serve", "--help");

        for (Run run : List.of(reported, kept, noFeatures, askedFor, secondReports, always)) {
            assertThat(run.exit()).as(run.output()).isZero();
        }
        assertThat(flags(reported)).doesNotContain("UseTransparentHugePages");
        assertThat(flags(secondReports)).doesNotContain("UseTransparentHugePages");
        assertThat(flags(always)).doesNotContain("UseTransparentHugePages");
        assertThat(flags(kept)).contains("-XX:+UseTransparentHugePages");
        assertThat(flags(noFeatures)).contains("-XX:+UseTransparentHugePages");
        assertThat(flags(askedFor)).contains("-XX:+UseTransparentHugePages");
    }

    /** A file holding the kernel's transparent huge pages setting as {@code line}. */
    private Path thpSetting(String line) throws IOException {
        Path file = Files.createTempFile(project, "thp", ".txt");
        Files.writeString(file, line + "\n");
        return file;
    }

    /** A balloon driver's folder with one device whose features are {@code bits}. */
    private Path balloon(String name, String bits) throws IOException {
        Path driver = project.resolve(name);
        write(driver, "virtio0/features", bits + "\n");
        return driver;
    }

    /** The environment of a run on a machine with this huge pages setting and balloon driver. */
    private static Map<String, String> machine(Path thpSetting, Path balloonDriver) {
        return Map.of("KAIYUAN_THP_SETTING", thpSetting.toString(), "KAIYUAN_BALLOON_DRIVER", balloonDriver.toString());
    }

    /**
     * On a machine of one or two CPUs a build with the quick compiler only gives it one thread; with
     * more CPUs, or with the optimising compiler, the JVM's choice stands. A compiler option of the
     * user's, wherever and however it is given, leaves the count to the JVM: with the optimising
     * compiler back on (_JAVA_OPTIONS come after the command line's, and so does a file of
     * options), one compiler thread would stop the JVM from starting. The machine's CPUs are read
     * from a file of this test's, so both branches run on any machine.
     */
    @Test
    void theQuickCompilerGetsOneThreadOnAMachineOfTwoCpus() throws Exception {
        emptySeeds(project.resolve("big/seeds"), 3000);
        Path two = write(project, "cpus/two", "0-1\n");
        Path one = write(project, "cpus/one", "0\n");
        Path four = write(project, "cpus/four", "0-3\n");
        Path options = write(project, "options", "-XX:TieredStopAtLevel=4\n");

        Run small = run(onCpus(two, "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run single = run(onCpus(one, "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run many = run(onCpus(four, "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run big = run(onCpus(two, "-XX:+PrintCommandLineFlags"), "build", "--project", "big", "--help");
        Run optimising = run(onCpus(two, "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4"), "build", "--help");
        Run quotedAfter = run(with(onCpus(two, "-XX:+PrintCommandLineFlags"), "_JAVA_OPTIONS",
                "\"-XX:TieredStopAtLevel=4\""), "build", "--help");
        Run fromFile = run(onCpus(two, "-XX:+PrintCommandLineFlags -XX:VMOptionsFile=" + options), "build", "--help");
        // given before the command line: ours, had we added it, would come later and win
        Run counted = run(with(onCpus(two, "-XX:+PrintCommandLineFlags"), "JDK_JAVA_OPTIONS", "-XX:CICompilerCount=2"),
                "build", "--help");

        for (Run run : List.of(small, single, many, big, optimising, quotedAfter, fromFile, counted)) {
            assertThat(run.exit()).as(run.output()).isZero();
        }
        assertThat(flags(small)).contains("-XX:CICompilerCount=1", "-XX:TieredStopAtLevel=1");
        assertThat(flags(single)).contains("-XX:CICompilerCount=1", "-XX:TieredStopAtLevel=1");
        assertThat(flags(many)).contains("-XX:TieredStopAtLevel=1").doesNotContain("CICompilerCount");
        assertThat(flags(big)).doesNotContain("CICompilerCount", "TieredStopAtLevel");
        assertThat(flags(optimising)).contains("-XX:TieredStopAtLevel=4").doesNotContain("CICompilerCount");
        assertThat(flags(quotedAfter)).contains("-XX:TieredStopAtLevel=4").doesNotContain("CICompilerCount");
        assertThat(flags(fromFile)).contains("-XX:TieredStopAtLevel=4").doesNotContain("CICompilerCount");
        assertThat(flags(counted)).contains("-XX:CICompilerCount=2").doesNotContain("CICompilerCount=1");
    }

    /** The environment of a run on a machine whose online CPUs are listed in {@code cpus}. */
    private static Map<String, String> onCpus(Path cpus, String javaOptions) {
        return Map.of("KAIYUAN_CPUS_ONLINE", cpus.toString(), "KAIYUAN_JAVA_OPTS", javaOptions);
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return more;
    }

    /** {@code n} empty seed files in {@code folder}: the launcher only counts them. */
    private static Path emptySeeds(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            Files.createFile(folder.resolve(i + ".md"));
        }
        return folder;
    }

    /**
     * Below 100 seed files the quick compiler inlines less; from 100 it keeps the JVM's limits, and
     * so it does where the user gave an inlining limit or another compiler option of their own.
     */
    @Test
    void aProjectOfFewerThanAHundredSeedsGetsLessInlining() throws Exception {
        emptySeeds(project.resolve("tens/seeds"), 99);
        emptySeeds(project.resolve("hundred/seeds"), 100);

        Run tens = run(showFlags(""), "build", "--project", "tens", "--help");
        Run hundred = run(showFlags(""), "build", "--project", "hundred", "--help");
        Run theirs = run(showFlags("-XX:C1MaxInlineSize=20"), "build", "--project", "tens", "--help");
        Run before = run(with(showFlags(""), "JDK_JAVA_OPTIONS", "-XX:C1MaxInlineLevel=5"),
                "build", "--project", "tens", "--help");
        Run tiered = run(showFlags("-XX:TieredStopAtLevel=4"), "build", "--project", "tens", "--help");

        for (Run run : List.of(tens, hundred, theirs, before, tiered)) {
            assertThat(run.exit()).as(run.output()).isZero();
        }
        assertThat(flags(tens)).contains("-XX:TieredStopAtLevel=1", "-XX:C1MaxInlineLevel=3",
                "-XX:C1MaxInlineSize=15");
        assertThat(flags(hundred)).contains("-XX:TieredStopAtLevel=1").doesNotContain("C1MaxInline");
        assertThat(flags(theirs)).contains("-XX:C1MaxInlineSize=20").doesNotContain("C1MaxInlineLevel");
        assertThat(flags(before)).contains("-XX:C1MaxInlineLevel=5").doesNotContain("C1MaxInlineSize");
        assertThat(flags(tiered)).contains("-XX:TieredStopAtLevel=4").doesNotContain("C1MaxInline");
    }

    @Test
    void aProjectWithThousandsOfSeedsGetsTheOptimisingCompilerToo() throws Exception {
        emptySeeds(project.resolve("big/seeds/2025"), 3000);

        Run big = run(showFlags(""), "build", "--project", "big", "--help");
        Run bigToo = run(showFlags(""), "check", "--project=big", "--help");
        Run small = run(showFlags(""), "build", "--help");

        assertThat(big.exit()).as(big.output()).isZero();
        assertThat(big.output()).contains("--no-cache");
        assertThat(flags(big)).contains("-XX:+UseSerialGC", "-XX:FreqInlineSize=70", "-XX:InlineSmallCode=700",
                "-XX:-UseProfiledLoopPredicate", "-XX:Tier4InvocationThreshold=15000",
                "-XX:Tier4MinInvocationThreshold=1800", "-XX:Tier4CompileThreshold=45000",
                "-XX:Tier4BackEdgeThreshold=120000").doesNotContain("TieredStopAtLevel");
        assertThat(flags(bigToo)).contains("-XX:+UseSerialGC", "-XX:FreqInlineSize=70").doesNotContain("TieredStopAtLevel");
        assertThat(flags(small)).contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("FreqInlineSize", "InlineSmallCode", "UseProfiledLoopPredicate", "Tier4");
        assertThat(flags(big)).doesNotContain("HeapFreeRatio");
    }

    /**
     * From 10,000 seed files a build without a cache gets a 200 MB young generation where the JVM
     * has 4 GB or more to size its heap from: the machine's memory, or its container's limit when
     * that is less. Not with less, not where the user chose a heap size, and not for a rebuild
     * with a cache (which has a collector of its own).
     */
    @Test
    void aProjectWithTenThousandSeedsGetsALargerYoungGenerationWhereMemoryAllows() throws Exception {
        Path seeds = emptySeeds(project.resolve("big/seeds"), 10_000);
        Path large = write(project, "mem-large", "MemTotal:       24683568 kB\nMemFree:        20000000 kB\n");
        Path small = write(project, "mem-small", "MemTotal:        3900000 kB\n");
        Path limited = write(project, "cgroup-limited", "2147483648\n");
        Path unlimited = write(project, "cgroup-unlimited", "max\n");
        Path none = project.resolve("no-such-file");

        Run roomy = run(memory(large, unlimited, ""), "build", "--project", "big", "--help");
        Run tight = run(memory(small, none, ""), "build", "--project", "big", "--help");
        Run contained = run(memory(large, limited, ""), "build", "--project", "big", "--help");
        Run unknown = run(memory(none, none, ""), "build", "--project", "big", "--help");
        Run sized = run(memory(large, unlimited, "-Xmx3g"), "build", "--project", "big", "--help");
        Run few = run(memory(large, unlimited, ""), "build", "--help");
        Files.delete(seeds.resolve("0.md"));
        Run fewer = run(memory(large, unlimited, ""), "build", "--project", "big", "--help");

        for (Run run : List.of(roomy, tight, contained, unknown, sized, few, fewer)) {
            assertThat(run.exit()).as(run.output()).isZero();
        }
        assertThat(flags(roomy)).contains("-XX:+UseSerialGC", "-XX:MaxNewSize=209715200", "-XX:NewSize=209715200");
        assertThat(flags(tight)).contains("-XX:+UseSerialGC").doesNotContain("NewSize=209715200");
        assertThat(flags(contained)).contains("-XX:+UseSerialGC").doesNotContain("NewSize=209715200");
        assertThat(flags(unknown)).contains("-XX:+UseSerialGC").doesNotContain("NewSize=209715200");
        assertThat(flags(sized)).contains("-XX:MaxHeapSize=3221225472").doesNotContain("NewSize=209715200");
        assertThat(flags(few)).contains("-XX:TieredStopAtLevel=1").doesNotContain("NewSize=209715200");
        assertThat(flags(fewer)).contains("-XX:+UseSerialGC", "-XX:FreqInlineSize=70").doesNotContain("NewSize=209715200");
    }

    /** The environment of a run on a machine whose memory is told by {@code meminfo} and {@code cgroup}. */
    private static Map<String, String> memory(Path meminfo, Path cgroup, String javaOptions) {
        return Map.of("KAIYUAN_MEMINFO", meminfo.toString(), "KAIYUAN_CGROUP_MEMORY", cgroup.toString(),
                "KAIYUAN_JAVA_OPTS", ("-XX:+PrintCommandLineFlags " + javaOptions).trim());
    }

    /**
     * Run by root, a command with the optimising compiler lets the JVM set its threads' priorities
     * (the compiler threads' above the build's); run by anyone else, or with the quick compiler
     * only, or with a priority option of the user's, it does not. Who runs it is what {@code id -u}
     * says: the test puts an {@code id} of its own first on the PATH.
     */
    @Test
    void rootGivesTheOptimisingCompilerThreadsPriority() throws Exception {
        emptySeeds(project.resolve("big/seeds"), 3000);
        Path root = fakeId("root", 0);
        Path user = fakeId("user", 1000);

        Run big = run(asUser(root, "-XX:+PrintCommandLineFlags"), "build", "--project", "big", "--help");
        Run serve = run(asUser(root, "-XX:+PrintCommandLineFlags"), "serve", "--help");
        Run small = run(asUser(root, "-XX:+PrintCommandLineFlags"), "build", "--help");
        Run notRoot = run(asUser(user, "-XX:+PrintCommandLineFlags"), "build", "--project", "big", "--help");
        Run theirs = run(asUser(root, "-XX:+PrintCommandLineFlags -XX:ThreadPriorityPolicy=0"),
                "build", "--project", "big", "--help");

        for (Run run : List.of(big, serve, small, notRoot, theirs)) {
            assertThat(run.exit()).as(run.output()).isZero();
        }
        assertThat(flags(big)).contains("-XX:ThreadPriorityPolicy=1", "-XX:FreqInlineSize=70");
        assertThat(flags(serve)).contains("-XX:ThreadPriorityPolicy=1");
        assertThat(flags(small)).contains("-XX:TieredStopAtLevel=1").doesNotContain("ThreadPriorityPolicy");
        assertThat(flags(notRoot)).contains("-XX:FreqInlineSize=70").doesNotContain("ThreadPriorityPolicy");
        assertThat(flags(theirs)).doesNotContain("ThreadPriorityPolicy=1");
    }

    /** A folder holding an {@code id} program that says the user's id is {@code uid}. */
    private Path fakeId(String name, int uid) throws IOException {
        Path id = write(project, "bin-" + name + "/id", "#!/bin/sh\necho " + uid + "\n");
        Files.setPosixFilePermissions(id, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return id.getParent();
    }

    /** The environment of a run whose {@code id} is the one in {@code bin}. */
    private static Map<String, String> asUser(Path bin, String javaOptions) {
        return Map.of("PATH", bin + ":" + System.getenv("PATH"), "KAIYUAN_JAVA_OPTS", javaOptions);
    }

    /** A seeds/ that is a link to a folder is counted where it leads, as the build reads it. */
    @Test
    void aLinkedSeedsFolderIsCountedWhereItLeads() throws Exception {
        emptySeeds(project.resolve("kept/seeds/2025"), 3000);
        Files.createDirectories(project.resolve("linked"));
        Files.createSymbolicLink(project.resolve("linked/seeds"), project.resolve("kept/seeds"));

        Run run = run(showFlags(""), "build", "--project", "linked", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(flags(run)).contains("-XX:FreqInlineSize=70").doesNotContain("TieredStopAtLevel");
    }

    /** A hidden folder under seeds/ (a .git/ of the articles' checkout) is not read by the build, nor counted. */
    @Test
    void filesInAHiddenFolderAreNotCounted() throws Exception {
        emptySeeds(project.resolve("checkout/seeds/.git/objects"), 3000);
        emptySeeds(project.resolve("checkout/seeds/2025"), 1);

        Run run = run(showFlags(""), "build", "--project", "checkout", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(flags(run)).contains("-XX:TieredStopAtLevel=1").doesNotContain("FreqInlineSize");
    }

    /**
     * The shell counts a seeds folder of fewer than 3,000 plain files itself; what it counts must be
     * what find counts: hidden files (both kinds of names the shell hides) and files in subfolders
     * too. A link sends the count to find, which leaves it out.
     */
    @Test
    void theShellCountsSeedFilesAsFindDoes() throws Exception {
        emptySeeds(project.resolve("flat/seeds"), 2999);
        emptySeeds(project.resolve("hidden/seeds"), 2999);
        Files.createFile(project.resolve("hidden/seeds/.notes"));
        emptySeeds(project.resolve("dots/seeds"), 2999);
        Files.createFile(project.resolve("dots/seeds/..notes"));
        emptySeeds(project.resolve("nested/seeds"), 2999);
        emptySeeds(project.resolve("nested/seeds/2025"), 1);
        emptySeeds(project.resolve("linked/seeds"), 2999);
        Files.createSymbolicLink(project.resolve("linked/seeds/link.md"), project.resolve("linked/seeds/0.md"));

        for (String small : List.of("flat", "linked")) {
            Run run = run(showFlags(""), "build", "--project", small, "--help");
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(flags(run)).as(small).contains("-XX:TieredStopAtLevel=1");
        }
        for (String big : List.of("hidden", "dots", "nested")) {
            Run run = run(showFlags(""), "build", "--project", big, "--help");
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(flags(run)).as(big).contains("-XX:FreqInlineSize=70").doesNotContain("TieredStopAtLevel");
        }
    }

    /**
     * Where the shell counts, a name with a line break is one file (find's count through wc was a
     * line each): 2,998 files and such a name are fewer than 3,000, which only the shell's count says.
     */
    @Test
    void aSmallFolderIsCountedByTheShellNotByFind() throws Exception {
        emptySeeds(project.resolve("odd/seeds"), 2998);
        Files.createFile(project.resolve("odd/seeds/two\nlines.md"));

        Run run = run(showFlags(""), "build", "--project", "odd", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(flags(run)).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void aRebuildWithACacheKeptByAJarOfThisOnesSizeGetsTheQuickCompilerOnly() throws Exception {
        emptySeeds(project.resolve("big/seeds"), 3000);
        long size = Files.size(LAUNCHER.resolveSibling("kaiyuan.jar"));
        write(project, "big/.kaiyuan/build-cache.bin", "kept");
        Path code = write(project, "big/.kaiyuan/code", size + ":1a2b3c4d\n");

        Run cached = run(showFlags(""), "build", "--project", "big", "--help");
        Run cappedByThem = run(showFlags("-Xmx512m"), "build", "--project", "big", "--help");
        Run theirCollector = run(showFlags("-XX:+UseG1GC"), "build", "--project", "big", "--help");
        Run cold = run(showFlags(""), "build", "--project", "big", "--no-cache", "--help");
        write(project, "big/.kaiyuan/code", (size + 1) + ":1a2b3c4d\n");
        Run otherJar = run(showFlags(""), "build", "--project", "big", "--help");
        Files.delete(code);
        Run noCode = run(showFlags(""), "build", "--project", "big", "--help");
        write(project, "big/.kaiyuan/code", size + ":1a2b3c4d\n");
        Files.delete(project.resolve("big/.kaiyuan/build-cache.bin"));
        Run noCache = run(showFlags(""), "build", "--project", "big", "--help");
        write(project, "big/.kaiyuan/build-cache-0123456789ab.bin", "kept");
        Run variant = run(showFlags(""), "check", "--project=big", "--help");
        emptySeeds(project.resolve("big/seeds/more"), 17_000);
        Run large = run(showFlags(""), "build", "--project", "big", "--help");
        Run largeCapped = run(showFlags("-Xmx512m"), "build", "--project", "big", "--help");
        Run largeTheirCollector = run(showFlags("-XX:+UseG1GC"), "build", "--project", "big", "--help");

        assertThat(cached.exit()).as(cached.output()).isZero();
        assertThat(flags(cached)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC",
                "-XX:InitialHeapSize=734003200", "-XX:MaxNewSize=104857600", "-XX:MaxTenuringThreshold=0")
                .doesNotContain("FreqInlineSize", "UseSerialGC");
        assertThat(flags(cold)).contains("-XX:+UseSerialGC", "-XX:FreqInlineSize=70")
                .doesNotContain("TieredStopAtLevel", "MaxTenuringThreshold");
        // a heap size of theirs: no initial heap of ours over their maximum (the JVM would not start)
        assertThat(cappedByThem.exit()).as(cappedByThem.output()).isZero();
        assertThat(flags(cappedByThem)).contains("-XX:MaxHeapSize=536870912", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC").doesNotContain("InitialHeapSize=734003200", "MaxTenuringThreshold=0", "UseParallelGC");
        // their collector: none of ours, and none of our heap sizes for ours (the JVM refuses two collectors)
        assertThat(theirCollector.exit()).as(theirCollector.output()).isZero();
        assertThat(flags(theirCollector)).contains("-XX:+UseG1GC", "-XX:TieredStopAtLevel=1")
                .doesNotContain("UseParallelGC", "UseSerialGC", "MaxNewSize=104857600");
        assertThat(flags(otherJar)).contains("-XX:+UseSerialGC").doesNotContain("TieredStopAtLevel", "UseParallelGC");
        assertThat(flags(noCode)).contains("-XX:+UseSerialGC").doesNotContain("TieredStopAtLevel");
        assertThat(flags(noCache)).contains("-XX:+UseSerialGC").doesNotContain("TieredStopAtLevel");
        assertThat(flags(variant)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
        // from 20,000 seed files: the optimising compiler too, the parallel collector and a heap of 1 GB to start
        assertThat(flags(large)).contains("-XX:+UseParallelGC", "-XX:InitialHeapSize=1073741824",
                "-XX:MaxNewSize=536870912", "-XX:FreqInlineSize=70")
                .doesNotContain("TieredStopAtLevel", "UseSerialGC", "HeapFreeRatio", "MaxTenuringThreshold");
        // a maximum heap of theirs under our 1 GB initial one would stop the JVM: the serial collector then
        assertThat(largeCapped.exit()).as(largeCapped.output()).isZero();
        assertThat(flags(largeCapped)).contains("-XX:MaxHeapSize=536870912", "-XX:+UseSerialGC")
                .doesNotContain("InitialHeapSize=1073741824", "UseParallelGC");
        assertThat(largeTheirCollector.exit()).as(largeTheirCollector.output()).isZero();
        assertThat(flags(largeTheirCollector)).contains("-XX:+UseG1GC")
                .doesNotContain("UseParallelGC", "UseSerialGC", "InitialHeapSize=1073741824");
    }

    /**
     * A rebuild takes the number of articles the cache's build built (the code file's second line)
     * for the project's size, and counts the seed files only where that number is missing.
     */
    @Test
    void aRebuildTakesTheProjectsSizeFromTheCache() throws Exception {
        long size = Files.size(LAUNCHER.resolveSibling("kaiyuan.jar"));
        // ten seed files, a cache that says 25,000 articles
        emptySeeds(project.resolve("few/seeds"), 10);
        write(project, "few/.kaiyuan/build-cache.bin", "kept");
        write(project, "few/.kaiyuan/code", size + ":1a2b3c4d\n25000\n");
        // 20,000 seed files (sidecars, say), a cache that says 10 articles
        emptySeeds(project.resolve("many/seeds"), 20_000);
        write(project, "many/.kaiyuan/build-cache.bin", "kept");
        write(project, "many/.kaiyuan/code", size + ":1a2b3c4d\n10\n");

        Run large = run(showFlags(""), "build", "--project", "few", "--help");
        Run small = run(showFlags(""), "build", "--project", "many", "--help");
        write(project, "many/.kaiyuan/code", size + ":1a2b3c4d\nmany\n");
        Run notANumber = run(showFlags(""), "build", "--project", "many", "--help");
        write(project, "many/.kaiyuan/code", size + ":1a2b3c4d\n99999999999999999999\n");
        Run tooLong = run(showFlags(""), "build", "--project", "many", "--help");
        write(project, "few/.kaiyuan/code", (size + 1) + ":1a2b3c4d\n25000\n");
        Run otherJar = run(showFlags(""), "build", "--project", "few", "--help");

        assertThat(large.exit()).as(large.output()).isZero();
        assertThat(flags(large)).contains("-XX:+UseParallelGC", "-XX:InitialHeapSize=1073741824", "-XX:FreqInlineSize=70")
                .doesNotContain("TieredStopAtLevel");
        assertThat(small.exit()).as(small.output()).isZero();
        assertThat(flags(small)).contains("-XX:+UseParallelGC", "-XX:MaxNewSize=104857600", "-XX:TieredStopAtLevel=1");
        // no usable number there: the 20,000 seed files are counted
        for (Run counted : List.of(notANumber, tooLong)) {
            assertThat(counted.exit()).as(counted.output()).isZero();
            assertThat(counted.output()).doesNotContain("Illegal number");
            assertThat(flags(counted)).contains("-XX:InitialHeapSize=1073741824").doesNotContain("TieredStopAtLevel");
        }
        // a cache of another jar is no rebuild's, and its number is not taken (ten files: serial, quick compiler)
        assertThat(flags(otherJar)).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .doesNotContain("UseParallelGC", "FreqInlineSize");
    }

    @Test
    void aProjectWithTensOfThousandsOfSeedsGrowsTheHeapByLess() throws Exception {
        Path seeds = emptySeeds(project.resolve("huge/seeds"), 20_000);

        Run huge = run(showFlags(""), "build", "--project", "huge", "--help");
        Run mine = run(showFlags("-XX:MinHeapFreeRatio=50"), "build", "--project", "huge", "--help");
        Run theirs = run(Map.of("KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "JDK_JAVA_OPTIONS",
                "-XX:MaxHeapFreeRatio=90"), "build", "--project", "huge", "--help");
        Run sized = run(showFlags("-Xmx2g"), "build", "--project", "huge", "--help");
        Files.delete(seeds.resolve("0.md"));
        Run almost = run(showFlags(""), "build", "--project", "huge", "--help");

        assertThat(huge.exit()).as(huge.output()).isZero();
        assertThat(flags(huge)).contains("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
                "-XX:MaxNewSize=536870912").doesNotContain("TieredStopAtLevel");
        // a ratio of the user's replaces both of ours: a minimum of 50 over our maximum of 40 would stop the JVM
        assertThat(mine.exit()).as(mine.output()).isZero();
        assertThat(flags(mine)).contains("-XX:MinHeapFreeRatio=50").doesNotContain("MinHeapFreeRatio=20")
                .doesNotContain("MaxHeapFreeRatio=40");
        assertThat(theirs.exit()).as(theirs.output()).isZero();
        assertThat(flags(theirs)).contains("-XX:MaxHeapFreeRatio=90").doesNotContain("MinHeapFreeRatio=20");
        assertThat(flags(almost)).contains("-XX:+UseSerialGC").doesNotContain("HeapFreeRatio", "MaxNewSize=536870912");
        assertThat(flags(sized)).contains("-XX:MinHeapFreeRatio=20").doesNotContain("MaxNewSize=536870912");
    }

    @Test
    void servePreviewsWithTheSerialCollectorAndTheOptimisingCompilerBelowTwentyThousandSeeds() throws Exception {
        emptySeeds(project.resolve("seeds"), 19_999);
        emptySeeds(project.resolve("huge/seeds"), 20_000);

        Run run = run(showFlags(""), "serve", "--help");
        Run huge = run(showFlags(""), "serve", "--project", "huge", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(flags(run)).contains("-XX:+UseSerialGC", "-XX:FreqInlineSize=70", "-XX:InlineSmallCode=700")
                .doesNotContain("TieredStopAtLevel", "ExplicitGCInvokesConcurrent");
        // from 20,000 the JVM's own choice (G1 on this machine), given the preview's G1 settings
        assertThat(huge.exit()).as(huge.output()).isZero();
        assertThat(flags(huge)).contains("-XX:+ExplicitGCInvokesConcurrent", "-XX:MaxHeapFreeRatio=40",
                "-XX:FreqInlineSize=70").containsPattern("-XX:GCTimeRatio=1(\\s|$)").doesNotContain("MaxNewSize=536870912");
    }

    @Test
    void serveKeepsItsHeapSmallAndGivesMemoryBackUnlessTheUserChoseTheCollectorOrTheRatios() throws Exception {
        Run run = run(showFlags(""), "serve", "--help");
        Run g1 = run(showFlags("-XX:+UseG1GC"), "serve", "--help");
        Run ratio = run(showFlags("-XX:MaxHeapFreeRatio=90"), "serve", "--help");
        // a minimum over our maximum of 40 would stop the JVM, in any of the variables it reads
        Run theirs = run(Map.of("KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "JAVA_TOOL_OPTIONS",
                "-XX:MinHeapFreeRatio=50"), "serve", "--help");
        Run old = run(Map.of("KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "_JAVA_OPTIONS", "-Xminf0.5"),
                "serve", "--help");
        Run collector = run(showFlags("-XX:+UseParallelGC"), "serve", "--help");
        Run timeRatio = run(Map.of("KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:+UseG1GC", "JAVA_TOOL_OPTIONS",
                "-XX:GCTimeRatio=9"), "serve", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(flags(run)).contains("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40")
                .doesNotContain("ExplicitGCInvokesConcurrent", "GCTimeRatio");
        assertThat(g1.exit()).as(g1.output()).isZero();
        assertThat(flags(g1)).contains("-XX:+UseG1GC", "-XX:+ExplicitGCInvokesConcurrent", "-XX:MinHeapFreeRatio=20",
                "-XX:MaxHeapFreeRatio=40").containsPattern("-XX:GCTimeRatio=1(\\s|$)").doesNotContain("UseSerialGC");
        assertThat(timeRatio.exit()).as(timeRatio.output()).isZero();
        assertThat(flags(timeRatio)).containsPattern("-XX:GCTimeRatio=9(\\s|$)").doesNotContainPattern("GCTimeRatio=1(\\s|$)");
        assertThat(ratio.exit()).as(ratio.output()).isZero();
        assertThat(flags(ratio)).contains("-XX:+UseSerialGC", "-XX:MaxHeapFreeRatio=90")
                .doesNotContain("MinHeapFreeRatio=20", "MaxHeapFreeRatio=40");
        assertThat(theirs.exit()).as(theirs.output()).isZero();
        assertThat(flags(theirs)).contains("-XX:MinHeapFreeRatio=50").doesNotContain("MaxHeapFreeRatio=40");
        assertThat(old.exit()).as(old.output()).isZero();
        assertThat(flags(old)).doesNotContain("MaxHeapFreeRatio=40");
        assertThat(collector.exit()).as(collector.output()).isZero();
        assertThat(flags(collector)).contains("-XX:+UseParallelGC").doesNotContain("ExplicitGCInvokesConcurrent",
                "HeapFreeRatio", "GCTimeRatio", "UseSerialGC");
    }

    @Test
    void optionsGivenInKaiyuanJavaOptsWinIncludingAnotherCollector() throws Exception {
        Run run = run(showFlags("-XX:+UseNUMA\t-XX:+UseParallelGC -XX:TieredStopAtLevel=4"), "build", "--help");
        Run other = run(Map.of("KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:+DisableExplicitGC"), "build", "--help");
        Run tool = run(Map.of("KAIYUAN_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "JDK_JAVA_OPTIONS", "-XX:+UseParallelGC"),
                "build", "--help");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(flags(run)).contains("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4").doesNotContain("UseSerialGC");
        assertThat(flags(other)).as("not a collector").contains("-XX:+UseSerialGC");
        assertThat(tool.exit()).as(tool.output()).isZero();
        assertThat(flags(tool)).contains("-XX:+UseParallelGC").doesNotContain("UseSerialGC");
    }

    @Test
    void aSymbolicLinkToTheLauncherRunsTheJarBesideTheLauncher() throws Exception {
        Path link = Files.createSymbolicLink(project.resolve("kaiyuan"), LAUNCHER);
        Process process = new ProcessBuilder(link.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsIgnoringCase("kaiyuan");
    }

    /**
     * The jar leaves out ICU data Kaiyuan never asks for (pom.xml, the shade filters): a site whose
     * articles need what stays (romanised slugs, Traditional and Simplified folding, the theme's
     * labels in Traditional Chinese, word breaks and NFKC for the search index) is built by the jar
     * exactly as by the classes with the whole of ICU on the class path.
     */
    @Test
    void theJarBuildsWhatTheClassesBuildWithTheIcuDataItLeftOut() throws Exception {
        write(project, "kaiyuan.yaml", "title: 開源週報\nlanguage: zh-Hant\n");
        write(project, "seeds/2025-09-02-开源模型.md",
                "---\ntitle: 開源模型與簡體中文\ndate: 2025-09-02\ntags: [開源, Тест]\n---\n"
                        + "開源模型發佈，ＡＢＣ１２３全角，ﬁ 合字。深度求索的模型。\n");
        write(project, "seeds/2025-09-03-x.md",
                "---\ntitle: Ελληνικά\ndate: 2025-09-03\nslug: \"Привет мир Ελληνικά 한국어\"\n---\nТекст статьи.\n");

        Run run = run(Map.of(), "build", "--no-cache", "--out", "by-jar");
        int exit = Main.run(new String[] {"build", "--no-cache", "--project", project.toString(), "--out",
            project.resolve("by-classes").toString()}, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(exit).isZero();
        assertThat(project.resolve("by-jar/articles/2025-09-02-kai-yuan-mo-xing/index.html")).isRegularFile();
        assertThat(project.resolve("by-jar/articles/privet-mir-ellenika-hangug-eo/index.html")).isRegularFile();
        Map<String, byte[]> byJar = TestSites.snapshot(project.resolve("by-jar"));
        Map<String, byte[]> byClasses = TestSites.snapshot(project.resolve("by-classes"));
        assertThat(byJar.keySet()).isEqualTo(byClasses.keySet());
        byClasses.forEach((path, bytes) -> assertThat(byJar.get(path)).as(path).isEqualTo(bytes));
    }

    /**
     * The flexmark classes whose string concatenations a build runs are compiled from their source
     * to StringBuilder calls (pom.xml): the JVM links none of flexmark's concatenations at run time,
     * which cost a one-article build about 40 ms (BENCHMARKS.md). A flexmark that runs another
     * class's concatenations fails here: add its source to the pom's flexmark-sources.
     */
    @Test
    void theJarLinksNoStringConcatenationOfFlexmarksAtRunTime() throws Exception {
        write(project, "seeds/2025-09-02-x.md", "---\ntitle: Tables\ndate: 2025-09-02\n---\n"
                + "# A heading\n\nText with *emphasis*, `code`, a [link](https://example.org/a) and a note.[^1]\n\n"
                + "| model | lab |\n| --- | --- |\n| Qwen3 | Alibaba |\n\n> A quote &amp; an entity.\n\n"
                + "3. an ordered list\n4. from three\n   - nested, ~~struck~~\n\n"
                + "```java\nint x = 1;\n```\n\n    indented code\n\n"
                + "![an image](pic.png \"its title\") and https://example.org/auto and <b>inline html</b>  \n"
                + "after a hard break, a [reference][r].\n\n---\n\n## Level two\n\n### Level three\n\n## Level two\n\n"
                + "<div>a block of html</div>\n\n[r]: https://example.org/r \"R\"\n"
                + "[^1]: The note.\n");

        Run run = run(Map.of("KAIYUAN_JAVA_OPTS", "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
                "build", "--no-cache");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readString(project.resolve("site/articles/2025-09-02-x/index.html"))).contains("<table", "Alibaba");
        List<String> linked = run.output().lines().filter(line -> line.startsWith("linkCallSite ")).toList();
        assertThat(linked).as("the JVM traced the call sites it linked").isNotEmpty();
        assertThat(linked)
                .filteredOn(line -> line.contains("StringConcatFactory.makeConcatWithConstants"))
                .noneMatch(line -> line.startsWith("linkCallSite com.vladsch."));
    }

    @Test
    void argumentsReachKaiyuanAsGivenSpacesIncluded() throws Exception {
        write(project, "my seeds project/seeds/one.md", "---\ntitle: One\ndate: 2025-08-21\n---\nBody.\n");

        Run run = run(Map.of(), "build", "--project", "my seeds project", "--out", "out dir");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(project.resolve("out dir/index.html")).isRegularFile();
    }
}
