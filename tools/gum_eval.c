/*
 * gum_eval.c -- evaluation of the entities stage (a developer tool, not part of the library).
 *
 *   gum_eval gum DIR [--errors]     mention-level precision / recall of person, organization and
 *                                   place names against the gold entities of the GUM news
 *                                   documents (DIR/GUM_news_*.conllu)
 *   gum_eval people FILE.jsonl      prints, for each article of a JSON Lines file, a line
 *                                   {"id", "quotes": [], "entities": [{"type":"person","name"}]}
 *                                   to score with ../shared/eval/score.py (people P/R/F1)
 *
 * Build (from /work/main, after building the library in build-X):
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc/core -Isrc tools/gum_eval.c \
 *      build-X/libsaywho.a $(pkg-config --libs libutf8proc sqlite3) -lm -o build-X/gum_eval
 *
 * GUM (Georgetown University Multilayer corpus, CC BY) gives every mention with its entity type
 * and a minimal span; a gold mention counts as a proper name when its minimal span holds a proper
 * noun (NNP/NNPS), and its head is the last such token. A predicted name mention matches a gold
 * mention when it covers the gold head; each gold mention is matched once.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "saywho.h"
#include "doc.h"
#include "entities/entities.h"

/* ---- people mode ---------------------------------------------------------------------------- */

static void put_json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static int people_mode(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 1;
    sw_reader *rd = sw_reader_new(NULL);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (!n) continue;
        sw_article art;
        sw_error err;
        if (sw_reader_parse_json(rd, line, (size_t)n, &art, &err) != SW_OK) continue;
        sw_doc *doc = NULL;
        if (sw_extract(ex, &art, &doc, &err) != SW_OK) continue;
        printf("{\"id\": ");
        put_json_string(sw_doc_id(doc));
        printf(", \"quotes\": [], \"entities\": [");
        int first = 1;
        for (size_t i = 0; i < sw_doc_entity_count(doc); i++) {
            const sw_entity *e = sw_doc_entity(doc, i);
            static const char *const types[] = {"person", "organization", "place"};
            if (!first) printf(", ");
            first = 0;
            printf("{\"type\": \"%s\", \"name\": ", types[e->type]);
            put_json_string(e->name);
            printf(", \"gender\": %d, \"mentions\": %zu}", (int)e->gender, e->n_mentions);
        }
        printf("]}\n");
        sw_doc_free(doc);
    }
    free(line);
    sw_reader_free(rd);
    sw_extractor_free(ex);
    fclose(f);
    return 0;
}

/* ---- GUM mode ------------------------------------------------------------------------------- */

typedef struct gtok {
    size_t start, end;
    int propn;
} gtok;

typedef struct gment {
    int s, e;            /* tokens [s, e) */
    int head;            /* last proper-noun token of the minimal span, -1 if none */
    int type;            /* 0 person, 1 organization, 2 place, 3 other */
    int matched;
} gment;

typedef struct gdoc {
    char *text;
    size_t len, cap;
    gtok *toks;
    int n_toks, cap_toks;
    gment *ments;
    int n_ments, cap_ments;
} gdoc;

static void text_add(gdoc *d, const char *s, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        d->cap = (d->len + n + 1) * 2;
        d->text = realloc(d->text, d->cap);
    }
    memcpy(d->text + d->len, s, n);
    d->len += n;
    d->text[d->len] = 0;
}

static int type_of(const char *t, size_t n)
{
    if (n == 6 && !memcmp(t, "person", 6)) return 0;
    if (n == 12 && !memcmp(t, "organization", 12)) return 1;
    if (n == 5 && !memcmp(t, "place", 5)) return 2;
    return 3;
}

typedef struct open_ment {
    int id, start, type;
    char minspan[64];
} open_ment;

static void close_ment(gdoc *d, const open_ment *o, int end)
{
    if (d->n_ments == d->cap_ments) {
        d->cap_ments = d->cap_ments ? d->cap_ments * 2 : 64;
        d->ments = realloc(d->ments, (size_t)d->cap_ments * sizeof *d->ments);
    }
    gment *m = &d->ments[d->n_ments++];
    m->s = o->start;
    m->e = end;
    m->type = o->type;
    m->matched = 0;
    m->head = -1;
    /* minimal span: 1-based positions inside the mention, comma separated */
    const char *p = o->minspan;
    while (*p) {
        int k = atoi(p);
        int t = o->start + k - 1;
        if (k > 0 && t < end && d->toks[t].propn) m->head = t;
        while (*p && *p != ',') p++;
        if (*p == ',') p++;
    }
}

/* Parses the Entity= value of one token (index t). */
static void parse_entity(gdoc *d, const char *v, int t, open_ment *stack, int *n_open)
{
    while (*v && *v != '|') {
        if (*v == '(') {
            v++;
            open_ment o;
            memset(&o, 0, sizeof o);
            o.id = atoi(v);
            o.start = t;
            const char *f[8];
            int nf = 0;
            f[nf++] = v;
            while (*v && *v != '(' && *v != ')' && *v != '|') {
                if (*v == '-' && nf < 8) f[nf++] = v + 1;
                v++;
            }
            const char *endp = v;
#define FIELD_LEN(k) ((size_t)(((k) + 1 < nf ? f[(k) + 1] - 1 : endp) - f[k]))
            o.type = nf > 1 ? type_of(f[1], FIELD_LEN(1)) : 3;
            if (nf > 5) {
                size_t l = FIELD_LEN(5);
                if (l >= sizeof o.minspan) l = sizeof o.minspan - 1;
                memcpy(o.minspan, f[5], l);
                o.minspan[l] = 0;
            }
#undef FIELD_LEN
            if (*v == ')') {
                v++;
                close_ment(d, &o, t + 1);
            } else if (*n_open < 256) {
                stack[(*n_open)++] = o;
            }
        } else if (*v >= '0' && *v <= '9') {
            int id = atoi(v);
            while (*v >= '0' && *v <= '9') v++;
            if (*v == ')') v++;
            for (int k = *n_open - 1; k >= 0; k--)
                if (stack[k].id == id) {
                    close_ment(d, &stack[k], t + 1);
                    memmove(&stack[k], &stack[k + 1], (size_t)(*n_open - k - 1) * sizeof *stack);
                    (*n_open)--;
                    break;
                }
        } else {
            v++;
        }
    }
}

static int read_gum(const char *path, gdoc *d)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    memset(d, 0, sizeof *d);
    char *line = NULL;
    size_t cap = 0;
    int space_pending = 0, par_pending = 0;
    open_ment stack[256];
    int n_open = 0;
    while (getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\n")] = 0;
        if (!strncmp(line, "# newpar", 8) && (line[8] == 0 || line[8] == ' ')) {
            if (d->len) par_pending = 1;
            continue;
        }
        if (line[0] == '#' || !line[0]) continue;
        char *col[10];
        int nc = 0;
        char *p = line;
        col[nc++] = p;
        while (*p && nc < 10)
            if (*p++ == '\t') {
                p[-1] = 0;
                col[nc++] = p;
            }
        if (nc < 10 || strchr(col[0], '-') || strchr(col[0], '.')) continue;
        if (par_pending) text_add(d, "\n\n", 2);
        else if (space_pending) text_add(d, " ", 1);
        par_pending = 0;
        if (d->n_toks == d->cap_toks) {
            d->cap_toks = d->cap_toks ? d->cap_toks * 2 : 256;
            d->toks = realloc(d->toks, (size_t)d->cap_toks * sizeof *d->toks);
        }
        gtok *t = &d->toks[d->n_toks];
        t->start = d->len;
        text_add(d, col[1], strlen(col[1]));
        t->end = d->len;
        t->propn = !strcmp(col[4], "NNP") || !strcmp(col[4], "NNPS");
        space_pending = strstr(col[9], "SpaceAfter=No") == NULL;
        const char *ent = strstr(col[9], "Entity=");
        d->n_toks++;
        if (ent) parse_entity(d, ent + 7, d->n_toks - 1, stack, &n_open);
    }
    free(line);
    fclose(f);
    return 1;
}

static int tok_at(const gdoc *d, size_t off)
{
    int lo = 0, hi = d->n_toks - 1, r = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (d->toks[mid].start <= off) {
            r = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return r;
}

static int gum_mode(const char *dir, int show_errors)
{
    DIR *dp = opendir(dir);
    if (!dp) return 1;
    struct dirent *de;
    static char names[200][256];
    int n_files = 0;
    while ((de = readdir(dp)) && n_files < 200)
        if (!strncmp(de->d_name, "GUM_news_", 9)) snprintf(names[n_files++], 256, "%s", de->d_name);
    closedir(dp);
    sw_extractor *ex = sw_extractor_new(NULL, NULL);
    long gold[3] = {0}, gold_found[3] = {0}, gold_typed[3] = {0};
    long pred[3] = {0}, pred_any[3] = {0}, pred_typed[3] = {0}, gpe_ok = 0;
    for (int fi = 0; fi < n_files; fi++) {
        char path[1200];
        snprintf(path, sizeof path, "%.500s/%.255s", dir, names[fi]);
        gdoc g;
        if (!read_gum(path, &g)) continue;
        sw_article art;
        memset(&art, 0, sizeof art);
        art.text.ptr = g.text;
        art.text.len = g.len;
        art.title_lines = 1;
        art.id.ptr = names[fi];
        art.id.len = strlen(names[fi]);
        sw_doc *doc = NULL;
        sw_error err;
        if (sw_extract(ex, &art, &doc, &err) != SW_OK) continue;
        /* nested gold mentions with the same head and type (an appositive inside its NP) count once */
        for (int k = 0; k < g.n_ments; k++)
            for (int j = 0; j < k && g.ments[k].head >= 0; j++)
                if (g.ments[j].head == g.ments[k].head && g.ments[j].type == g.ments[k].type) g.ments[k].head = -1;
        for (int k = 0; k < g.n_ments; k++)
            if (g.ments[k].head >= 0 && g.ments[k].type < 3) gold[g.ments[k].type]++;
        for (uint32_t m = 0; m < doc->n_ments; m++) {
            const sw_ment *mt = &doc->ments[m];
            if (mt->kind != SW_MK_NAME || mt->ent < 0) continue;
            int ptype = doc->ents[mt->ent].type;
            size_t s = sw_map_start(doc, mt->start), e = sw_map_end(doc, mt->end);
            int ts = tok_at(&g, s), te = tok_at(&g, e - 1);
            pred[ptype]++;
            int best = -1, best_typed = 0;
            for (int k = 0; k < g.n_ments; k++) {
                gment *gm = &g.ments[k];
                if (gm->head < 0 || gm->matched || gm->head < ts || gm->head > te) continue;
                int typed = gm->type == ptype;
                if (best < 0 || (typed && !best_typed)) {
                    best = k;
                    best_typed = typed;
                }
            }
            if (best >= 0) {
                gment *gm = &g.ments[best];
                gm->matched = 1 + best_typed;
                pred_any[ptype]++;
                if (best_typed) pred_typed[ptype]++;
                if (gm->type < 3) {
                    gold_found[gm->type]++;
                    if (best_typed) gold_typed[gm->type]++;
                }
                if (best_typed || (ptype + gm->type == 3 && ptype && gm->type < 3)) gpe_ok++;
                if (!best_typed && show_errors)
                    printf("%s TYPE pred=%d gold=%d: %.*s\n", names[fi], ptype, gm->type, (int)(e - s), g.text + s);
            } else if (show_errors) {
                printf("%s FP type=%d: %.*s\n", names[fi], ptype, (int)(e - s), g.text + s);
            }
        }
        if (show_errors)
            for (int k = 0; k < g.n_ments; k++) {
                gment *gm = &g.ments[k];
                if (gm->head < 0 || gm->type >= 3 || gm->matched) continue;
                printf("%s MISS type=%d: %.*s\n", names[fi], gm->type,
                       (int)(g.toks[gm->e - 1].end - g.toks[gm->s].start), g.text + g.toks[gm->s].start);
            }
        sw_doc_free(doc);
        free(g.text);
        free(g.toks);
        free(g.ments);
    }
    sw_extractor_free(ex);
    static const char *const tn[] = {"person", "organization", "place"};
    long tg = 0, tf = 0, tt = 0, tp = 0, tpa = 0, tpt = 0;
    printf("%-13s %6s %6s %8s %8s %8s %8s\n", "type", "gold", "pred", "P(any)", "P(typed)", "R(any)", "R(typed)");
    for (int k = 0; k < 3; k++) {
        printf("%-13s %6ld %6ld %8.3f %8.3f %8.3f %8.3f\n", tn[k], gold[k], pred[k],
               pred[k] ? (double)pred_any[k] / pred[k] : 0, pred[k] ? (double)pred_typed[k] / pred[k] : 0,
               gold[k] ? (double)gold_found[k] / gold[k] : 0, gold[k] ? (double)gold_typed[k] / gold[k] : 0);
        tg += gold[k];
        tf += gold_found[k];
        tt += gold_typed[k];
        tp += pred[k];
        tpa += pred_any[k];
        tpt += pred_typed[k];
    }
    printf("%-13s %6ld %6ld %8.3f %8.3f %8.3f %8.3f\n", "all", tg, tp, tp ? (double)tpa / tp : 0,
           tp ? (double)tpt / tp : 0, tg ? (double)tf / tg : 0, tg ? (double)tt / tg : 0);
    printf("organization/place confusions forgiven: P %.3f R %.3f\n", tp ? (double)gpe_ok / tp : 0,
           tg ? (double)gpe_ok / tg : 0);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "people")) return people_mode(argv[2]);
    if (argc >= 3 && !strcmp(argv[1], "gum")) return gum_mode(argv[2], argc > 3 && !strcmp(argv[3], "--errors"));
    fprintf(stderr, "usage: gum_eval gum DIR [--errors] | gum_eval people FILE.jsonl\n");
    return 2;
}
