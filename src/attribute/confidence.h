/*
 * confidence.h -- how sure saywho is of a statement: the features of a statement and the small
 * learned model that turns them into a probability.
 *
 * The confidence of a statement is the probability that it is right end to end: that a reader
 * of the annotation guide would mark the same statement and name the same speaker. It is a
 * logistic regression over the features below, all computed from what attribution left in the
 * document (the statement, its speaker, its mention and its cue, the tokens and the entities
 * around them). Its weights are a generated table (confidence_model.c) that
 * tools/train_confidence.py fits on annotated news; tools/conf_features.c writes the same
 * features for each statement of a JSON Lines input so that the tool can learn from them.
 *
 * The features are computed once per statement, from a few searches that start next to the
 * statement and scans bounded by constants (never per token of the article).
 */
#ifndef SW_CONFIDENCE_H
#define SW_CONFIDENCE_H

#include <stdint.h>
#include "doc.h"

/* The features, in the order of the model's weights: X(ID, "name", "what it says"). A feature is
 * 0 or 1 unless its description says otherwise. The names are the model table's contract: the
 * generated table lists the names it was trained with, and the tests check they are these. */
#define SW_CONF_FEATURES(X)                                                                           \
    /* the statement's kind */                                                                        \
    X(KIND_DIRECT, "kind_direct", "a direct quotation")                                               \
    X(KIND_PARTIAL, "kind_partial", "a quoted fragment")                                              \
    X(KIND_REPORTED, "kind_reported", "reported speech")                                              \
    X(KIND_MIXED, "kind_mixed", "a reported clause with quoted fragments")                            \
    /* how its speaker was resolved */                                                                \
    X(RES_EXPLICIT, "res_explicit", "named (or described, unresolved) next to the statement")        \
    X(RES_PRONOUN, "res_pronoun", "a pronoun")                                                        \
    X(RES_DESCRIPTION, "res_description", "a description resolved to an entity")                      \
    X(RES_CONTEXT, "res_context", "continued from the context (no words name the speaker)")           \
    X(RES_NONE, "res_none", "no speaker")                                                             \
    /* who the speaker is */                                                                          \
    X(SPK_PERSON, "spk_person", "an entity of type person")                                           \
    X(SPK_ORG, "spk_org", "an entity of type organisation")                                           \
    X(SPK_PLACE, "spk_place", "an entity of type place")                                              \
    X(SPK_GROUP, "spk_group", "no entity: a description kept as the name (police, a spokesperson)")   \
    X(SPK_GENDER, "spk_gender", "a person whose gender is known")                                     \
    X(SPK_ONE_WORD, "spk_one_word", "an entity whose fullest name is one word")                       \
    X(SPK_MENTIONS, "spk_mentions", "log2(1 + the entity's named mentions) / 4")                      \
    X(SPK_ROLES, "spk_roles", "the article gave the entity a role or a nationality")                  \
    X(SPK_TOP, "spk_top", "the person the article names most often")                                 \
    X(SPK_STMTS, "spk_stmts", "log2(1 + statements of the same speaker among its neighbours) / 4")     \
    /* the words that name the speaker here */                                                        \
    X(MEN_NONE, "men_none", "no mention")                                                             \
    X(MEN_NAME, "men_name", "a named mention")                                                        \
    X(MEN_NAME_OTHER, "men_name_other", "its named mention is another entity's than the speaker's")   \
    X(MEN_PRONOUN, "men_pronoun", "a pronoun")                                                        \
    X(MEN_PLURAL, "men_plural", "a plural: they, officials")                                          \
    X(MEN_INTERLOCUTOR, "men_interlocutor", "I, you, we")                                             \
    X(MEN_DESC, "men_desc", "a description with no name")                                             \
    X(MEN_DEMONYM, "men_demonym", "a demonym or a country name is its head")                          \
    X(MEN_FULL, "men_full", "a named mention of two or three words (a full name)")                    \
    X(MEN_LONG, "men_long", "four words or more")                                                     \
    X(MEN_IN_QUOTE, "men_in_quote", "inside a quotation")                                             \
    X(MEN_PERSON_NEAR, "men_person_near", "no person speaks, and a person is named right by the words") \
    /* the cue */                                                                                     \
    X(CUE_NONE, "cue_none", "no cue")                                                                 \
    X(CUE_ACCORDING, "cue_according", "an according phrase")                                          \
    X(CUE_READS, "cue_reads", "a document reads")                                                     \
    X(CUE_POST, "cue_post", "a verb that is speech only after a quotation (smiled)")                  \
    X(CUE_COMMON, "cue_common", "one of the commonest speech verbs (said, added, asked)")             \
    X(CUE_PHRASE, "cue_phrase", "a cue of several words (pointed out)")                               \
    X(CUE_CAP, "cue_cap", "the cue is written with a capital")                                        \
    X(FRAME_THAT, "frame_that", "the cue takes a that-clause")                                        \
    X(FRAME_QUOTE, "frame_quote", "the cue introduces direct speech")                                 \
    X(FRAME_TELL, "frame_tell", "the cue's object is the hearer")                                     \
    X(FRAME_OF, "frame_of", "accuses X of")                                                           \
    X(FRAME_AS, "frame_as", "described X as")                                                         \
    X(FRAME_FOR, "frame_for", "called for")                                                           \
    X(FRAME_TO, "frame_to", "urged X to")                                                             \
    X(VF_PRESENT, "vf_present", "the cue is a base or -s form")                                       \
    X(VF_PAST, "vf_past", "the cue is a past form")                                                   \
    X(VF_ING, "vf_ing", "the cue is an -ing form")                                                    \
    /* where the parts are */                                                                         \
    X(CUE_BEFORE, "cue_before", "the cue comes before the statement")                                 \
    X(CUE_AFTER, "cue_after", "the cue comes after the statement")                                    \
    X(CUE_GAP, "cue_gap", "log2(1 + tokens between cue and statement) / 4")                           \
    X(CUE_NEXT, "cue_next", "the cue touches the statement (nothing but punctuation or that between)") \
    X(THAT, "that", "the reported clause follows the complementiser that")                            \
    X(CUE_OTHER_SENT, "cue_other_sent", "the cue is in no sentence of the statement")                 \
    X(SPK_AFTER_CUE, "spk_after_cue", "the mention comes after the cue (inverted)")                   \
    X(SPK_CUE_GAP, "spk_cue_gap", "log2(1 + tokens between mention and cue) / 4")                     \
    X(SPK_CUE_NEXT, "spk_cue_next", "the mention touches the cue")                                    \
    X(SPK_STMT_GAP, "spk_stmt_gap", "log2(1 + tokens between mention and statement) / 4")             \
    X(SPK_OTHER_SENT, "spk_other_sent", "the mention is in no sentence of the statement")             \
    X(SPK_INSIDE, "spk_inside", "the mention lies inside the statement")                              \
    /* the statement itself */                                                                        \
    X(LEN, "len", "log2(1 + its tokens) / 8")                                                         \
    X(SHORT, "short", "three tokens or fewer")                                                        \
    X(UNCLOSED, "unclosed", "a quotation with no closing mark")                                       \
    X(MULTI_PARA, "multi_para", "a quotation over several paragraphs")                                \
    X(MULTI_SENT, "multi_sent", "it spans several sentences")                                         \
    X(QUESTION, "question", "it ends with a question mark")                                           \
    X(TITLE_CASE, "title_case", "a quotation of a few words, each capitalised (a title: “This Week”)")  \
    X(SENT_START, "sent_start", "it begins its sentence")                                             \
    X(FIRST_PARA, "first_para", "in the article's first two paragraphs")                              \
    X(CONTINUES, "continues", "it shares its mention with the statement before (a second part)")     \
    X(SHARED_NEXT, "shared_next", "the statement after shares its mention")                           \
    X(FLOATING, "floating", "a quotation whose speaker comes from the context")                       \
    X(SENT_STMTS, "sent_stmts", "another statement shares a sentence with it")                        \
    X(ADDRESSEE, "addressee", "a hearer is named")                                                    \
    X(VIA, "via", "an outlet is named")                                                               \
    X(SAME_AS_PREV, "same_as_prev", "the statement before has the same speaker")                      \
    X(PREV_CLOSE, "prev_close", "the statement before ends within a block of this one")               \
    /* the article */                                                                                 \
    X(DOC_PERSONS, "doc_persons", "log2(1 + the persons the article names) / 6")                       \
    X(DOC_STMTS, "doc_stmts", "log2(1 + the article's statements) / 8")

enum {
#define SW_CONF_ENUM(id, name, doc) SW_CF_##id,
    SW_CONF_FEATURES(SW_CONF_ENUM)
#undef SW_CONF_ENUM
    SW_CONF_N_FEATURES
};

/* The names of the features, in order (SW_CONF_N_FEATURES of them). */
extern const char *const sw_conf_feature_names[SW_CONF_N_FEATURES];

/* The model (confidence_model.c, generated): a logistic regression, p = 1 / (1 + exp(-(bias +
 * sum weights[i] * x[i]))), over the features named `names`, which must be sw_conf_feature_names. */
typedef struct sw_conf_model {
    const char *const *names;
    const float *weights;
    uint32_t n;
    float bias;
    const char *trained_on;  /* the training data's name, for the tools */
} sw_conf_model;
extern const sw_conf_model sw_conf_model_default;

/* What the features need to know about the whole article, found once per article. */
typedef struct sw_conf_doc {
    uint32_t n_persons;    /* person entities */
    int32_t top_person;    /* the person with the most mentions, or -1 */
    uint32_t n_stmts;      /* statements (is_statement) */
    uint32_t first_paras_end; /* the last of the first body paragraphs' blocks */
    uint32_t hint;         /* the first token of the statement seen last: where searches start */
    uint32_t ment_hint;    /* the mentions before the statement seen last: the same for mentions */
} sw_conf_doc;

/* Fills *d for doc (after attribution: statements sorted, headlines set apart). */
void sw_conf_doc_init(const sw_doc *doc, sw_conf_doc *d);

/* Fills x[0 .. SW_CONF_N_FEATURES) with the features of statement k of doc; d from
 * sw_conf_doc_init() (it keeps where the last statement was: statements in order cost least). */
void sw_conf_features(const sw_doc *doc, sw_conf_doc *d, uint32_t k, float *x);

/* The model's probability for the features x. */
float sw_conf_predict(const sw_conf_model *m, const float *x);

/* Sets the confidence of every statement of doc: the model's probability for a statement, 0 for
 * a span that is not a statement. */
void sw_conf_set_all(sw_doc *doc);

#endif
