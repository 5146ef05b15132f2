/*
 * table.c -- sw_doc_write_table: who said what as a fixed-width table for people.
 *
 * One header line per article (id and title), a column header, then one row per statement:
 * speaker, cue, kind, section and the quotation text. Every cell fits its column: widths are
 * measured in terminal columns (utf8proc_charwidth, so a CJK character counts two), a cell that is
 * too wide is cut at a character boundary and ends with "…", and line breaks or other control
 * characters inside a cell are shown as spaces so each row stays one line.
 */
#include <string.h>
#include <utf8proc.h>
#include "doc.h"
#include "out.h"

#define TABLE_WIDTH 80
#define COL_SPEAKER 16
#define COL_CUE 10
#define COL_KIND 8
#define COL_SECTION 11
/* what is left of the 80 columns after the four columns and their single-space gaps */
#define COL_TEXT (TABLE_WIDTH - COL_SPEAKER - COL_CUE - COL_KIND - COL_SECTION - 4)

/* Decodes the character at s[i] (valid UTF-8 is guaranteed by the library, but a bad byte is
 * taken as one column-wide character rather than trusted); returns its length in bytes. */
static size_t next_char(const unsigned char *s, size_t len, size_t i, int *width, int *control)
{
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *width = 1;
        *control = 1;
        return 1;
    }
    *control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
    *width = *control ? 1 : utf8proc_charwidth(cp);
    return (size_t)n;
}

/* Writes s as a cell of `width` columns: shortened with "…" when too wide, never cutting a
 * character; padded with spaces when `pad`. Returns nothing: the sink records failures. */
static void write_cell(sw_out *o, const char *str, size_t len, int width, int pad)
{
    const unsigned char *s = (const unsigned char *)str;
    int total = 0, w, control;
    for (size_t i = 0; i < len && total <= width;) {
        i += next_char(s, len, i, &w, &control);
        total += w;
    }
    int fits = total <= width;
    int budget = fits ? width : width - 1; /* room for the ellipsis */
    int used = 0;
    size_t i = 0, run = 0;
    while (i < len) {
        size_t n = next_char(s, len, i, &w, &control);
        if (used + w > budget) break;
        if (control) {
            sw_out_bytes(o, str + run, i - run);
            sw_out_char(o, ' ');
            run = i + n;
        }
        used += w;
        i += n;
    }
    sw_out_bytes(o, str + run, i - run);
    if (!fits) {
        sw_out_str(o, "\xE2\x80\xA6"); /* … */
        used++;
    }
    if (pad && used < width) sw_out_repeat(o, ' ', (size_t)(width - used));
}

static void write_cstr_cell(sw_out *o, const char *s, int width, int pad)
{
    write_cell(o, s, strlen(s), width, pad);
}

sw_status sw_doc_write_table(const sw_doc *doc, unsigned flags, sw_write_fn write, void *ctx)
{
    (void)flags;
    if (!doc || !write) return SW_ERR_INVALID_ARG;
    sw_out o;
    sw_out_init(&o, write, ctx);

    /* "== id: title" */
    const char *id = sw_doc_id(doc), *title = sw_doc_title(doc);
    sw_out_str(&o, "== ");
    size_t idlen = strlen(id);
    write_cell(&o, id, idlen, TABLE_WIDTH - 3, 0);
    if (*title) {
        sw_out_str(&o, ": ");
        int room = TABLE_WIDTH - 5 - (int)(idlen < TABLE_WIDTH ? idlen : TABLE_WIDTH);
        if (room > 10) write_cstr_cell(&o, title, room, 0);
    }
    sw_out_char(&o, '\n');

    size_t nq = sw_doc_quote_count(doc);
    if (!nq) {
        sw_out_str(&o, "(no statements)\n\n");
        return sw_out_flush(&o) == 0 ? SW_OK : SW_ERR_IO;
    }
    write_cstr_cell(&o, "SPEAKER", COL_SPEAKER, 1);
    sw_out_char(&o, ' ');
    write_cstr_cell(&o, "CUE", COL_CUE, 1);
    sw_out_char(&o, ' ');
    write_cstr_cell(&o, "KIND", COL_KIND, 1);
    sw_out_char(&o, ' ');
    write_cstr_cell(&o, "SECTION", COL_SECTION, 1);
    sw_out_char(&o, ' ');
    sw_out_str(&o, "TEXT\n");

    for (size_t i = 0; i < nq; i++) {
        const sw_quote *q = sw_doc_quote(doc, i);
        const char *speaker = q->speaker_name;
        if (!speaker && q->speaker_entity >= 0) {
            const sw_entity *e = sw_doc_entity(doc, (size_t)q->speaker_entity);
            if (e) speaker = e->name;
        }
        if (!speaker && q->speaker_mention) speaker = q->speaker_mention->text;
        write_cstr_cell(&o, speaker && *speaker ? speaker : "?", COL_SPEAKER, 1);
        sw_out_char(&o, ' ');
        if (q->cue) write_cell(&o, q->cue->text, q->cue->text_len, COL_CUE, 1);
        else write_cstr_cell(&o, "-", COL_CUE, 1);
        sw_out_char(&o, ' ');
        write_cstr_cell(&o, q->is_statement ? sw_quote_kind_name(q->kind) : "(not)", COL_KIND, 1);
        sw_out_char(&o, ' ');
        write_cstr_cell(&o, sw_section_name(q->section), COL_SECTION, 1);
        sw_out_char(&o, ' ');
        if (!q->is_statement && q->not_statement_reason) {
            /* show why it is not a statement in front of the text, within the same column */
            size_t rl = strlen(q->not_statement_reason);
            char buf[COL_TEXT + 1];
            if (rl + 3 < sizeof buf) {
                buf[0] = '[';
                memcpy(buf + 1, q->not_statement_reason, rl);
                buf[rl + 1] = ']';
                buf[rl + 2] = ' ';
                sw_out_bytes(&o, buf, rl + 3);
                write_cell(&o, q->text, q->text_len, COL_TEXT - (int)(rl + 3), 0);
            } else {
                write_cell(&o, q->text, q->text_len, COL_TEXT, 0);
            }
        } else {
            write_cell(&o, q->text, q->text_len, COL_TEXT, 0);
        }
        sw_out_char(&o, '\n');
    }
    sw_out_char(&o, '\n');
    return sw_out_flush(&o) == 0 ? SW_OK : SW_ERR_IO;
}
