package io.pactwire.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The image's Java runtime has every JDK module the app's jars use (jdeps), so nothing fails at run time. */
class DockerfileIT {

    /**
     * A copy of a jar without its module descriptors: jdeps then reads it as a class-path jar, as the app
     * runs it (java -jar, no module path), instead of resolving the modules it requires.
     */
    private static Path withoutModuleInfo(Path jar, Path dir) throws java.io.IOException {
        Path copy = dir.resolve(jar.getFileName());
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().endsWith("module-info.class")) {
                    continue;
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return copy;
    }

    @Test
    void theJlinkRuntimeHasEveryModuleTheJarsUse(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String dockerfile = Files.readString(Path.of("../Dockerfile"));
        Matcher m = Pattern.compile("jlink --add-modules (\\S+)").matcher(dockerfile);
        assertThat(m.find()).as("a jlink --add-modules line").isTrue();
        Set<String> linked = new TreeSet<>(Arrays.asList(m.group(1).split(",")));

        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        Set<String> used = new TreeSet<>();
        List<Path> jars;
        try (Stream<Path> lib = Files.list(Path.of("target/lib"))) {
            jars = Stream.concat(Stream.of(Path.of("target/pactwire.jar")), lib.filter(p -> p.toString().endsWith(".jar"))).toList();
        }
        List<String> args = new java.util.ArrayList<>(List.of("--ignore-missing-deps", "--print-module-deps",
                "--multi-release", "17"));
        for (Path jar : jars) {
            args.add(withoutModuleInfo(jar, dir).toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("jdeps: " + err).isZero();
        for (String module : out.toString().strip().split(",")) {
            if (!module.isBlank()) {
                used.add(module.strip());
            }
        }
        assertThat(used).as("modules the jars use").contains("java.base").isNotEmpty();
        assertThat(linked).as("modules in the Dockerfile's jlink line").containsAll(used);
        assertThat(dockerfile).contains("USER pactwire").contains("MaxRAMPercentage");
    }

    @Test
    void theDependencyLayerHasEveryModulesPomAndTheRuntimeOnlyTheServices() throws Exception {
        String dockerfile = Files.readString(Path.of("../Dockerfile"));
        String rootPom = Files.readString(Path.of("../pom.xml"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        List<String> copied = new java.util.ArrayList<>();
        while (modules.find()) {
            String module = modules.group(1);
            assertThat(dockerfile).as("the dependency layer copies " + module + "'s pom before the sources")
                    .contains("COPY " + module + "/pom.xml " + module + "/");
            copied.add(module);
        }
        assertThat(copied).contains("app", "model");
        // the poms and the offline build come before the sources are copied
        assertThat(dockerfile.indexOf("COPY app/pom.xml")).isLessThan(dockerfile.indexOf("COPY . ."));
        assertThat(dockerfile.indexOf("COPY . .")).isLessThan(dockerfile.indexOf("RUN ./mvnw -B -q -o "));

        Matcher m = Pattern.compile("jlink --add-modules (\\S+)").matcher(dockerfile);
        assertThat(m.find()).isTrue();
        assertThat(Arrays.asList(m.group(1).split(","))).as("the modules monitoring agents need")
                .contains("java.instrument", "jdk.management.agent", "java.management.rmi");
        assertThat(dockerfile).contains("COPY --from=build /src/app/target/lib /opt/pactwire/lib")
                .doesNotContain("lib-broker /opt");
    }
}
