package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run that reads its sources again takes as inputs again. */
class ReadAgainTest {

    private static Input.Article page(String source, String body) {
        return new Input.Article(source, new RawArticle("p1", source, source, "Title", body, null, null, null, null, 1, null));
    }

    @Test
    void aSourceReadAgainWithTheSameContentIsNotAnInputAgain() {
        List<Input> inputs = new ArrayList<>();
        ReadAgain readAgain = new ReadAgain(inputs::add);

        readAgain.accept(page("https://example.org/a", "First text."));
        readAgain.accept(page("https://example.org/a", "First text."));
        readAgain.accept(page("https://example.org/b", "First text."));
        readAgain.accept(page("https://example.org/a", "Second text."));
        readAgain.accept(page("https://example.org/a", "First text."));

        assertThat(inputs).containsExactly(page("https://example.org/a", "First text."), page("https://example.org/b", "First text."),
                page("https://example.org/a", "Second text."), page("https://example.org/a", "First text."));
    }

    @Test
    void rejectionsAndSkipsAreInputsAtEveryRead() {
        List<Input> inputs = new ArrayList<>();
        ReadAgain readAgain = new ReadAgain(inputs::add);
        Input.Rejected gone = new Input.Rejected("https://example.org/c", "HTTP 404");
        Input.Skipped image = new Input.Skipped("file:///inbox/d.png", "unsupported file type .png");

        readAgain.accept(gone);
        readAgain.accept(image);
        readAgain.accept(gone);
        readAgain.accept(image);

        assertThat(inputs).containsExactly(gone, image, gone, image);
    }
}
