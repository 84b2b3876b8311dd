package io.pactwire.model;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas shipped in the resources describe what the serdes write. */
class JsonSchemaTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Schema schema(String resource) throws IOException {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream("/schemas/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    @Test
    void serializedRawArticlesMatchTheirSchema() throws IOException {
        Schema schema = schema("raw-article.schema.json");
        assertThat(schema.validate(Serdes.RAW_ARTICLE.toJson(Examples.raw()), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(Serdes.RAW_ARTICLE.toJson(RawArticle.of("a", "", "minimal")), InputFormat.JSON)).isEmpty();
    }

    @Test
    void serializedEnrichedArticlesMatchTheirSchema() throws IOException {
        Schema schema = schema("enriched-article.schema.json");
        assertThat(schema.validate(Serdes.ENRICHED_ARTICLE.toJson(Examples.enriched()), InputFormat.JSON)).isEmpty();
    }

    @Test
    void serializedAgreementRecordsMatchTheirSchema() throws IOException {
        Schema schema = schema("agreement-record.schema.json");
        List<AgreementRecord> records = AgreementRecord.of(Examples.enriched());
        assertThat(records).hasSize(1);
        assertThat(schema.validate(Serdes.AGREEMENT_RECORD.toJson(records.get(0)), InputFormat.JSON)).isEmpty();
    }

    @Test
    void theSchemasRejectWhatTheSerdesReject() throws IOException {
        Schema raw = schema("raw-article.schema.json");
        List<Error> errors = raw.validate("{\"id\":\"\",\"title\":\"t\",\"body\":\" \",\"contentHash\":\"x\",\"revision\":0}",
                InputFormat.JSON);
        assertThat(errors).extracting(Error::getInstanceLocation).map(Object::toString)
                .contains("/id", "/body", "/contentHash", "/revision");
        assertThat(raw.validate("{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"revision\":" + (RawArticle.MAX_REVISION + 1) + "}",
                InputFormat.JSON)).extracting(Error::getInstanceLocation).map(Object::toString).contains("/revision");
        Schema enriched = schema("enriched-article.schema.json");
        String badCode = Serdes.ENRICHED_ARTICLE.toJson(Examples.enriched()).replace("\"code\":\"CN\"", "\"code\":\"china\"");
        assertThat(enriched.validate(badCode, InputFormat.JSON)).isNotEmpty();
    }
}
