/* test_output.c -- unit tests of the writers (src/output/): JSON escaping, the JSON shape, the
 * table, failing sinks. Documents are built by hand so these tests do not depend on the pipeline. */
#include <stdlib.h>
#include "check.h"
#include "doc.h"
#include "output/out.h"

/* A sink that collects everything in memory; it can be told to fail after some calls. */
typedef struct sink {
    char *data;
    size_t len, cap;
    size_t calls;
    long fail_after; /* -1: never */
} sink;

static int sink_write(void *ctx, const char *buf, size_t len)
{
    sink *s = ctx;
    if (s->fail_after >= 0 && (long)s->calls >= s->fail_after) return -1;
    s->calls++;
    if (s->len + len + 1 > s->cap) {
        s->cap = (s->len + len + 1) * 2;
        s->data = realloc(s->data, s->cap);
    }
    memcpy(s->data + s->len, buf, len);
    s->len += len;
    s->data[s->len] = 0;
    return 0;
}

static void sink_reset(sink *s)
{
    free(s->data);
    memset(s, 0, sizeof *s);
    s->fail_after = -1;
}

static const char *escape(sink *s, const char *str, size_t len)
{
    sink_reset(s);
    sw_out o;
    sw_out_init(&o, sink_write, s);
    sw_out_json_string(&o, str, len);
    sw_out_flush(&o);
    return s->data;
}

static void test_escape_control_characters(void)
{
    sink s = {0};
    CHECK_EQ_STR(escape(&s, "a\"b\\c", 5), "\"a\\\"b\\\\c\"");
    CHECK_EQ_STR(escape(&s, "\n\r\t\b\f", 5), "\"\\n\\r\\t\\b\\f\"");
    CHECK_EQ_STR(escape(&s, "\x01\x1f\x7f", 3), "\"\\u0001\\u001f\x7f\"");
    CHECK_EQ_STR(escape(&s, "x\0y", 3), "\"x\\u0000y\"");
    CHECK_EQ_STR(escape(&s, "", 0), "\"\"");
    CHECK_EQ_STR(escape(&s, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", 13), "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\"");
    /* every byte below 0x20, at every position of an 8-byte word */
    for (unsigned c = 0; c < 0x20; c++) {
        for (size_t pos = 0; pos < 17; pos++) {
            char in[17];
            memset(in, 'a', sizeof in);
            in[pos] = (char)c;
            const char *out = escape(&s, in, sizeof in);
            CHECK(out != NULL && strlen(out) > sizeof in + 2);
            int raw_control = 0;
            for (const char *p = out; *p; p++)
                if ((unsigned char)*p < 0x20) raw_control = 1;
            CHECK(!raw_control);
        }
    }
    sink_reset(&s);
}

/* Every byte from 1 to 0x7F and some UTF-8, escaped and parsed back, is the same string. */
static void test_escape_round_trip(void)
{
    char in[200];
    size_t n = 0;
    for (int c = 1; c < 0x80; c++) in[n++] = (char)c;
    memcpy(in + n, "\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80", 9);
    n += 9;
    sink s = {0};
    escape(&s, in, n);
    char line[1024];
    snprintf(line, sizeof line, "{\"text\": %s}", s.data);
    sw_reader *r = sw_reader_new(NULL);
    sw_article a;
    sw_error e;
    CHECK_EQ_INT(sw_reader_parse_json(r, line, strlen(line), &a, &e), SW_OK);
    CHECK(a.text.len == n && memcmp(a.text.ptr, in, n) == 0);
    sw_reader_free(r);
    sink_reset(&s);
}

/* ---- a hand-built document ---- */

static sw_mention m_putin = {4, 9, "Mayor", 5};
static sw_mention m_said = {10, 14, "said", 4};
static sw_mention m_she = {30, 33, "she", 3};
static sw_mention m_tass = {40, 50, "the Herald", 10};
static sw_mention ent0_mentions[2] = {{4, 9, "Mayor", 5}, {30, 33, "she", 3}};
static sw_span frags[2] = {{60, 66}, {70, 75}};
static sw_quote quotes[3];
static sw_entity ents[2];
static sw_block blocks[2] = {{0, 20, SW_BLOCK_TITLE, SW_SECTION_TITLE}, {22, 90, SW_BLOCK_PARAGRAPH, SW_SECTION_BODY}};
static sw_doc doc;

static void build_doc(int with_non_statement)
{
    memset(&doc, 0, sizeof doc);
    memset(quotes, 0, sizeof quotes);
    memset(ents, 0, sizeof ents);
    doc.id = "a\"1";
    doc.title = "Ti\ttle";
    quotes[0] = (sw_quote){.start = 20, .end = 28, .text = "We \"win\"", .text_len = 8,
                           .kind = SW_KIND_DIRECT, .section = SW_SECTION_BODY, .is_statement = 1,
                           .speaker_name = "Ana Mayor", .speaker_entity = 0,
                           .speaker_mention = &m_putin, .resolution = SW_RES_EXPLICIT,
                           .cue = &m_said, .addressee_entity = 1, .addressee_mention = NULL,
                           .via = &m_tass, .confidence = 0.855};
    quotes[1] = (sw_quote){.start = 55, .end = 80, .text = "it \"ran\" \"well\"", .text_len = 15,
                           .kind = SW_KIND_MIXED, .section = SW_SECTION_HEADING, .is_statement = 1,
                           .speaker_entity = -1, .speaker_mention = &m_she,
                           .resolution = SW_RES_PRONOUN, .addressee_entity = -1, .confidence = 1.0,
                           .fragments = frags, .n_fragments = 2};
    quotes[2] = (sw_quote){.start = 81, .end = 90, .text = "Roads", .text_len = 5,
                           .kind = SW_KIND_PARTIAL, .section = SW_SECTION_BOILERPLATE,
                           .is_statement = 0, .not_statement_reason = "teaser",
                           .speaker_entity = -1, .addressee_entity = -1, .confidence = 0.0};
    doc.quotes = quotes;
    doc.n_quotes = with_non_statement ? 3 : 2;
    ents[0] = (sw_entity){.id = 0, .type = SW_ENT_PERSON, .name = "Ana Mayor",
                          .gender = SW_GENDER_FEMALE, .mentions = ent0_mentions, .n_mentions = 2};
    ents[1] = (sw_entity){.id = 1, .type = SW_ENT_ORGANIZATION, .name = "City Council",
                          .gender = SW_GENDER_UNKNOWN, .mentions = NULL, .n_mentions = 0};
    doc.pub_ents = ents;
    doc.n_pub_ents = 2;
    doc.pub_blocks = blocks;
    doc.n_pub_blocks = 2;
}

static const char expected_compact[] =
    "{\"id\":\"a\\\"1\",\"title\":\"Ti\\ttle\",\"url\":\"http://e.org/a\",\"source\":\"Herald\","
    "\"quotes\":["
    "{\"start\":20,\"end\":28,\"text\":\"We \\\"win\\\"\",\"kind\":\"direct\",\"section\":\"body\","
    "\"speaker\":{\"name\":\"Ana Mayor\",\"entity\":0,\"mention\":{\"start\":4,\"end\":9,\"text\":\"Mayor\"},"
    "\"resolution\":\"explicit\"},\"cue\":{\"start\":10,\"end\":14,\"text\":\"said\"},"
    "\"addressee\":{\"entity\":1,\"name\":\"City Council\",\"mention\":null},"
    "\"via\":{\"start\":40,\"end\":50,\"text\":\"the Herald\"},\"confidence\":0.86},"
    "{\"start\":55,\"end\":80,\"text\":\"it \\\"ran\\\" \\\"well\\\"\",\"kind\":\"mixed\",\"section\":\"heading\","
    "\"speaker\":{\"name\":\"she\",\"entity\":null,\"mention\":{\"start\":30,\"end\":33,\"text\":\"she\"},"
    "\"resolution\":\"pronoun\"},\"cue\":null,\"addressee\":null,\"via\":null,\"confidence\":1.00,"
    "\"fragments\":[{\"start\":60,\"end\":66},{\"start\":70,\"end\":75}]}],"
    "\"entities\":["
    "{\"id\":0,\"type\":\"person\",\"name\":\"Ana Mayor\",\"gender\":\"female\",\"mentions\":["
    "{\"start\":4,\"end\":9,\"text\":\"Mayor\"},{\"start\":30,\"end\":33,\"text\":\"she\"}]},"
    "{\"id\":1,\"type\":\"organization\",\"name\":\"City Council\",\"mentions\":[]}]}\n";

static void test_json_shape(void)
{
    build_doc(0);
    sw_article art;
    memset(&art, 0, sizeof art);
    art.url = (sw_str){"http://e.org/a", 14};
    art.source = (sw_str){"Herald", 6};
    sink s = {0};
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, &art, 0, sink_write, &s), SW_OK);
    CHECK_EQ_STR(s.data, expected_compact);
    CHECK_EQ_INT(s.calls, 1); /* small output: one piece */
    /* without an article: no url/date/source */
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, 0, sink_write, &s), SW_OK);
    CHECK(strstr(s.data, "\"url\"") == NULL);
    CHECK(strstr(s.data, "\"blocks\"") == NULL);
    sink_reset(&s);
}

/* Parses `json` (one object, maybe over several lines) by wrapping it as a member of a JSON Lines
 * object and reading that back with our reader: SW_OK means well-formed. */
static sw_status check_well_formed(const char *json)
{
    size_t n = strlen(json);
    char *line = malloc(n + 64);
    int k = sprintf(line, "{\"text\": \"x\", \"doc\": ");
    memcpy(line + k, json, n);
    memcpy(line + k + n, "}", 2);
    sw_reader *r = sw_reader_new(NULL);
    sw_article a;
    sw_error e;
    sw_status st = sw_reader_parse_json(r, line, strlen(line), &a, &e);
    if (st != SW_OK) fprintf(stderr, "not well-formed at %zu: %s\n", e.offset, line);
    sw_reader_free(r);
    free(line);
    return st;
}

static void test_pretty_blocks_and_non_statements(void)
{
    build_doc(1);
    sink s = {0};
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, SW_WRITE_PRETTY | SW_WRITE_BLOCKS, sink_write, &s), SW_OK);
    CHECK(strncmp(s.data, "{\n  \"id\": \"a\\\"1\",\n  \"title\": ", 28) == 0);
    CHECK(strstr(s.data, "\"mention\": {\"start\": 4, \"end\": 9, \"text\": \"Mayor\"}") != NULL);
    CHECK(strstr(s.data, "\"blocks\": [\n    {\"start\": 0, \"end\": 20, \"kind\": \"title\", \"section\": \"title\"},") != NULL);
    CHECK(strstr(s.data, "\"is_statement\": false,\n      \"reason\": \"teaser\"") != NULL);
    CHECK(strstr(s.data, "\"confidence\": 0.00") != NULL);
    CHECK_EQ_INT(s.data[s.len - 1], '\n');
    CHECK_EQ_INT(s.data[s.len - 2], '}');
    CHECK_EQ_INT(check_well_formed(s.data), SW_OK);
    /* compact with blocks is one line and well-formed too */
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, SW_WRITE_BLOCKS, sink_write, &s), SW_OK);
    CHECK(strchr(s.data, '\n') == s.data + s.len - 1);
    CHECK_EQ_INT(check_well_formed(s.data), SW_OK);
    CHECK_EQ_INT(check_well_formed(expected_compact), SW_OK);
    sink_reset(&s);
}

static void test_empty_document(void)
{
    memset(&doc, 0, sizeof doc);
    doc.id = "";
    doc.title = "";
    sink s = {0};
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, 0, sink_write, &s), SW_OK);
    CHECK_EQ_STR(s.data, "{\"id\":\"\",\"title\":\"\",\"quotes\":[],\"entities\":[]}\n");
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, SW_WRITE_PRETTY, sink_write, &s), SW_OK);
    CHECK_EQ_STR(s.data, "{\n  \"id\": \"\",\n  \"title\": \"\",\n  \"quotes\": [],\n  \"entities\": []\n}\n");
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(NULL, NULL, 0, sink_write, &s), SW_ERR_INVALID_ARG);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, 0, NULL, &s), SW_ERR_INVALID_ARG);
}

static void test_confidence_format(void)
{
    double v[] = {0.0, 0.004, 0.005, 0.5, 0.9, 0.999, 1.0, 7.0, -1.0};
    const char *want[] = {"0.00", "0.00", "0.01", "0.50", "0.90", "1.00", "1.00", "1.00", "0.00"};
    sink s = {0};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        sink_reset(&s);
        sw_jw w;
        sw_jw_init(&w, 0, sink_write, &s);
        sw_jw_fixed2(&w, v[i]);
        sw_out_flush(&w.out);
        CHECK_EQ_STR(s.data, want[i]);
    }
    sink_reset(&s);
}

/* A failing sink makes the writers stop with SW_ERR_IO, wherever it fails. */
static void test_write_failure(void)
{
    build_doc(1);
    sink s = {0};
    sink_reset(&s);
    s.fail_after = 0;
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, SW_WRITE_PRETTY, sink_write, &s), SW_ERR_IO);
    sink_reset(&s);
    s.fail_after = 0;
    CHECK_EQ_INT(sw_doc_write_table(&doc, 0, sink_write, &s), SW_ERR_IO);
    /* a long text: the sink fails on its second piece */
    size_t big = 200000;
    char *text = malloc(big);
    memset(text, 'x', big);
    quotes[0].text = text;
    quotes[0].text_len = big;
    for (long k = 0; k < 3; k++) {
        sink_reset(&s);
        s.fail_after = k;
        CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, 0, sink_write, &s), SW_ERR_IO);
    }
    /* and with a working sink, the long text goes out in few big pieces */
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_json(&doc, NULL, 0, sink_write, &s), SW_OK);
    CHECK(s.calls <= 4);
    CHECK(s.len > big);
    free(text);
    sink_reset(&s);
}

/* Display width of a UTF-8 line in characters (the test texts have no wide characters). */
static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

static void test_table(void)
{
    build_doc(1);
    /* a long text with multi-byte characters around the cut and a line break inside */
    static const char longtext[] =
        "\xC3\xA9\xC3\xA9\xC3\xA9 We will rebuild the bridge\nbefore winter, whatever it costs "
        "\xE2\x80\x94 \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 and more words";
    quotes[0].text = longtext;
    quotes[0].text_len = sizeof longtext - 1;
    sink s = {0};
    sink_reset(&s);
    CHECK_EQ_INT(sw_doc_write_table(&doc, 0, sink_write, &s), SW_OK);
    int nul;
    CHECK_EQ_INT(sw_utf8_check(s.data, s.len, &nul), s.len);
    CHECK(strncmp(s.data, "== a\"1: Ti tle\n", 15) == 0);
    CHECK(strstr(s.data, "SPEAKER") != NULL);
    CHECK(strstr(s.data, "Ana Mayor        said       direct   body        ") != NULL);
    CHECK(strstr(s.data, "\xE2\x80\xA6\n") != NULL); /* the long text was cut with … */
    CHECK(strstr(s.data, "she              -          mixed    heading     it \"ran\" \"well\"\n") != NULL);
    CHECK(strstr(s.data, "?                -          (not)    boilerplate [teaser] Roads\n") != NULL);
    /* every line fits 80 columns */
    const char *p = s.data;
    int lines = 0;
    while (*p) {
        const char *nl = strchr(p, '\n');
        CHECK(nl != NULL);
        if (!nl) break;
        CHECK(columns(p, (size_t)(nl - p)) <= 80);
        lines++;
        p = nl + 1;
    }
    CHECK_EQ_INT(lines, 6); /* header, column names, 3 rows, blank */
    sink_reset(&s);
    /* no statements */
    memset(&doc, 0, sizeof doc);
    doc.id = "x";
    doc.title = "";
    CHECK_EQ_INT(sw_doc_write_table(&doc, 0, sink_write, &s), SW_OK);
    CHECK_EQ_STR(s.data, "== x\n(no statements)\n\n");
    sink_reset(&s);
}

int main(void)
{
    RUN(test_escape_control_characters);
    RUN(test_escape_round_trip);
    RUN(test_json_shape);
    RUN(test_pretty_blocks_and_non_statements);
    RUN(test_empty_document);
    RUN(test_confidence_format);
    RUN(test_write_failure);
    RUN(test_table);
    return check_summary("test_output");
}
