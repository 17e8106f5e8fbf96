#pragma once

#include <string_view>

namespace iskra::extract {

/// General English word lists the extractors use. Every argument is a folded word (see
/// fold_name): lower case ASCII. The lists are language knowledge, never facts about a corpus.
namespace lexicon {

/// 1..12 for month names and their abbreviations ("aug", "sept"), 0 otherwise.
int month_number(std::string_view word);
/// 1..12 for "one".."twelve", "a"/"an" -> 1, 0 otherwise.
int number_word(std::string_view word);
/// Articles, pronouns, prepositions, conjunctions, auxiliaries, weekdays, months and common
/// sentence-initial adverbs: words that are capitalised only because they start a sentence.
bool is_function_word(std::string_view word);
/// Honorifics and titles placed before a person's name ("mr", "president", "general").
bool is_person_title(std::string_view word);
/// Head words of offices ("chairman", "commissar", "minister", "president").
bool is_office_head(std::string_view word);
/// Words that make a name an organisation ("party", "army", "bank", "international").
bool is_organization_word(std::string_view word);
/// Words that make a name a place ("city", "river", "island", "province").
bool is_place_word(std::string_view word);
/// Prepositions after which a capitalised name is usually a place ("in", "near", "to").
bool is_place_preposition(std::string_view word);
/// Lower-case words that join parts of a name ("of", "de", "von", "van", "al").
bool is_name_connector(std::string_view word);
/// Nouns that make a preceding number a quantity ("men", "tonnes", "dollars", "pct").
bool is_quantity_noun(std::string_view word);
/// Words that make a following number a label, not a year ("page", "no", "room").
bool is_number_label(std::string_view word);
/// Head words of named events ("revolution", "war", "purge", "trial"): such names are neither
/// people nor places.
bool is_event_word(std::string_view word);
/// Roles held by people ("commander", "founder", "poet"): "X, the deputy commander" is a person.
bool is_person_role(std::string_view word);
/// Words after which a bare number is a year ("in", "since", "until", "circa", "summer").
bool is_date_preposition(std::string_view word);
/// Nouns that make "NOUN of 1917" a date ("summer", "end", "year").
bool is_date_qualifier(std::string_view word);
/// Labels of a date field or a dated act ("born", "published", "copyright", "founded").
bool is_date_label(std::string_view word);
/// Street words that make a preceding number a house number ("avenue", "street").
bool is_street_word(std::string_view word);
/// Verbs and phrases after which a name is a person ("said", "told", "born", "died").
bool is_person_verb(std::string_view word);
/// Past-tense verbs of acts one person does to another ("pilloried", "married", "betrayed"):
/// "X pilloried Y" makes both names people.
bool is_person_act_verb(std::string_view word);

}  // namespace lexicon
}  // namespace iskra::extract
