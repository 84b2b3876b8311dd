package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ingest does with what a folder holds besides regular files (issue 17): symbolic links are read only
 * inside the folder and by their target's name; FIFOs, devices and looping links are reported, never
 * opened or followed for ever; every read is bounded; a subfolder that cannot be listed is one rejection,
 * and the files beside it are read.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SpecialFilesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
    private static final String STORY = "Port agreement\n\nThe two ports agreed to share their data on shipping.";
    private static final String SECRET = "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"pactwire-ingest\" password=\"s3cret-password\";\n";

    private final InputReader reader = new InputReader(4096, CLOCK);

    private static List<Input> read(InputReader reader, Path... paths) {
        List<Input> inputs = new ArrayList<>();
        reader.read(List.of(paths), inputs::add);
        return inputs;
    }

    private List<Input> read(Path... paths) {
        return read(reader, paths);
    }

    @Test
    void aLinkOutOfTheFolderIsRefusedAndWhatItLeadsToNeverRead(@TempDir Path tmp) throws IOException {
        Path secrets = Files.createDirectories(tmp.resolve("etc"));
        Path properties = Files.writeString(secrets.resolve("client.properties"), SECRET);
        Files.setPosixFilePermissions(properties, PosixFilePermissions.fromString("rw-------"));
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path link = Files.createSymbolicLink(inbox.resolve("notes.txt"), properties);
        Path story = Files.writeString(inbox.resolve("story.txt"), STORY);

        List<Input> inputs = read(inbox);

        assertThat(inputs).hasSize(2).contains(new Input.Rejected(link.toUri().toString(),
                "link leads out of the folder: " + properties.toRealPath()));
        assertThat(inputs).filteredOn(Input.Article.class::isInstance).singleElement()
                .satisfies(i -> assertThat(i.source()).isEqualTo(story.toUri().toString()));
        assertThat(inputs.toString()).doesNotContain("s3cret-password");
    }

    @Test
    void aLinkInsideTheFolderIsReadByItsTargetsName(@TempDir Path inbox) throws IOException {
        Path data = Files.createDirectories(inbox.resolve("data"));
        Path properties = Files.writeString(data.resolve("client.properties"), SECRET);
        Path page = Files.writeString(data.resolve("page.html"), "<html><head><title>Rail link opens</title></head><body>"
                + "<article><h1>Rail link opens</h1><p>A rail link between the two capitals opened on Monday, the"
                + " ministry said.</p></article></body></html>");
        Path propertiesLink = Files.createSymbolicLink(inbox.resolve("notes.txt"), properties);
        Path pageLink = Files.createSymbolicLink(inbox.resolve("page.txt"), Path.of("data", "page.html"));

        List<Input> inputs = read(inbox);

        assertThat(inputs).contains(new Input.Skipped(propertiesLink.toUri().toString(),
                "unsupported file type .properties; supported: .txt, .md, .html, .htm, .json, .jsonl, .rss, .atom, .xml"));
        assertThat(inputs).filteredOn(i -> i.source().equals(pageLink.toUri().toString())).singleElement()
                .satisfies(i -> {
                    assertThat(i).isInstanceOf(Input.Article.class);
                    assertThat(((Input.Article) i).article().title()).as("read as the page it is").isEqualTo("Rail link opens");
                    assertThat(((Input.Article) i).article().body()).doesNotContain("<");
                });
        assertThat(inputs.toString()).doesNotContain("s3cret-password");
    }

    @Test
    void aLoopingLinkAndABrokenLinkAreReported(@TempDir Path inbox) throws IOException {
        Path a = inbox.resolve("a.txt");
        Path b = inbox.resolve("b.txt");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        Path broken = Files.createSymbolicLink(inbox.resolve("c.txt"), Path.of("gone.txt"));

        assertThat(read(inbox)).containsExactly(
                new Input.Rejected(a.toUri().toString(), "looping link (too many levels of symbolic links)"),
                new Input.Rejected(b.toUri().toString(), "looping link (too many levels of symbolic links)"),
                new Input.Rejected(broken.toUri().toString(), "broken link: its target does not exist"));
        assertThat(read(a)).as("named on its own").containsExactly(
                new Input.Rejected(a.toUri().toString(), "cannot read: looping link (too many levels of symbolic links)"));
    }

    @Test
    @Timeout(60) // a FIFO opened for reading blocks until a writer comes: a hang is this test failing
    void aFifoIsRefusedWithoutBeingOpenedNamedOrInAFolder(@TempDir Path inbox) throws Exception {
        Path fifo = inbox.resolve("pipe.html");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        Path story = Files.writeString(inbox.resolve("story.txt"), STORY);

        List<Input> inFolder = read(inbox);
        List<Input> named = read(fifo);

        assertThat(inFolder).hasSize(2).contains(new Input.Rejected(fifo.toUri().toString(), "not a regular file (FIFO)"));
        assertThat(inFolder).filteredOn(Input.Article.class::isInstance).extracting(Input::source)
                .containsExactly(story.toUri().toString());
        assertThat(named).containsExactly(new Input.Rejected(fifo.toUri().toString(), "not a regular file (FIFO)"));
    }

    @Test
    void aLinkToDevZeroIsRefusedAndEveryReadIsBounded(@TempDir Path tmp) throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path zero = Files.createSymbolicLink(inbox.resolve("zero.html"), Path.of("/dev/zero"));

        assertThat(read(zero)).as("named").containsExactly(
                new Input.Rejected(zero.toUri().toString(), "not a regular file (character device)"));
        assertThat(read(inbox)).as("in a folder").containsExactly(
                new Input.Rejected(zero.toUri().toString(), "link leads out of the folder: /dev/zero"));
        // whatever a file's size says (0 for /dev/zero and files under /proc), a read stops past the limit
        assertThat(LocalFiles.readAtMost(Path.of("/dev/zero"), 4096)).hasSize(4097);
    }

    @Test
    void aSubfolderThatCannotBeListedIsOneRejectionAndTheFilesBesideItAreRead(@TempDir Path inbox) throws IOException {
        Path locked = Files.createDirectories(inbox.resolve("locked"));
        Files.writeString(locked.resolve("hidden.txt"), STORY);
        Path beside = Files.writeString(inbox.resolve("beside.txt"), STORY);
        // Tests run as root here, and root lists any folder whatever its mode: the listing fails as the file
        // system fails it for anyone else (the chmod test below shows the same on the real file system).
        LocalFiles denying = new LocalFiles(folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            return LocalFiles.Folders.SYSTEM.list(folder);
        });
        InputReader reader = new InputReader(4096, 8 << 20, Dates.dayFirst(), null, CLOCK, denying);

        List<Input> inputs = read(reader, inbox);

        assertThat(inputs).hasSize(2).contains(new Input.Rejected(locked.toUri().toString(), "cannot list folder: permission denied"));
        assertThat(inputs).filteredOn(Input.Article.class::isInstance).extracting(Input::source)
                .containsExactly(beside.toUri().toString());
    }

    @Test
    void everyCannotReadSaysWhy(@TempDir Path dir) throws IOException {
        Path folderNamedLikeAFile = Files.createDirectories(dir.resolve("story.txt"));
        List<Input> inputs = new ArrayList<>();
        reader.readFile(folderNamedLikeAFile, inputs::add, true);
        assertThat(inputs).containsExactly(
                new Input.Rejected(folderNamedLikeAFile.toUri().toString(), "cannot read: is a directory"));
        assertThat(LocalFiles.cause(new NoSuchFileException("/x"))).isEqualTo("no such file");
        assertThat(LocalFiles.cause(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(LocalFiles.cause(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("is a directory");
        assertThat(LocalFiles.cause(new FileSystemException("/x", null, "Input/output error"))).isEqualTo("input/output error");
        assertThat(LocalFiles.cause(new IOException())).isEqualTo("IOException");
    }
}
