package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void theSameUrlWrittenDifferentlyGivesTheSameId() {
        String id = ArticleIds.forUrl("https://Example.org/news/lu-cn/");
        assertThat(ArticleIds.forUrl("https://example.org:443/news/lu-cn#top")).isEqualTo(id);
        assertThat(ArticleIds.forUrl(" https://EXAMPLE.org/news/lu-cn ")).isEqualTo(id);
        assertThat(ArticleIds.forUrl("https://example.org/news/lu-jp")).isNotEqualTo(id);
        assertThat(ArticleIds.forUrl("https://example.org/news?id=1")).isNotEqualTo(ArticleIds.forUrl("https://example.org/news?id=2"));
    }

    @Test
    void theSameTextGivesTheSameIdWhateverItsWhitespace() {
        assertThat(ArticleIds.forContent("Title", "Some  body\ntext"))
                .isEqualTo(ArticleIds.forContent("Title ", "Some body text"))
                .hasSize(20)
                .isNotEqualTo(ArticleIds.forContent("Title", "Other text"));
    }

    @Test
    void aFileIsIdentifiedByWhereItIsNotByWhatItHolds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("release.txt");
        Files.writeString(file, "First text");
        String id = ArticleIds.forFile(file);
        Files.writeString(file, "Edited text");
        assertThat(ArticleIds.forFile(file)).as("edited in place").isEqualTo(id).hasSize(20);
        assertThat(ArticleIds.forFile(dir.resolve("sub/../release.txt"))).as("the same path written otherwise").isEqualTo(id);

        Path copy = dir.resolve("copy.txt");
        Files.copy(file, copy);
        assertThat(ArticleIds.forFile(copy)).as("another file with the same text").isNotEqualTo(id);
        Path moved = Files.move(copy, dir.resolve("moved.txt"));
        assertThat(ArticleIds.forFile(moved)).as("moved or renamed").isNotEqualTo(ArticleIds.forFile(copy)).isNotEqualTo(id);
        assertThat(id).as("a location is not a URL").isNotEqualTo(ArticleIds.forUrl(file.toUri().toString()));
    }

    @Test
    void aRelativePathAndALinkToTheFileGiveTheFilesOwnId(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("release.md"), "Text");
        String id = ArticleIds.forFile(file);
        assertThat(ArticleIds.forFile(Path.of("").toAbsolutePath().relativize(file))).isEqualTo(id);
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), file);
        assertThat(ArticleIds.forFile(link)).isEqualTo(id);
    }

    @Test
    void aFileThatIsGoneIsStillIdentifiedByItsPath(@TempDir Path dir) {
        Path gone = dir.resolve("gone.txt");
        assertThat(ArticleIds.forFile(gone)).isEqualTo(ArticleIds.forFile(dir.resolve("./gone.txt")))
                .isNotEqualTo(ArticleIds.forFile(dir.resolve("other.txt")));
    }
}
