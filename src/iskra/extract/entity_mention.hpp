#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace iskra::extract {

/// What kind of thing a name names. Serialized: values are stable.
enum class EntityType : std::uint8_t { Unknown = 0, Person = 1, Place = 2, Organization = 3 };

/// "person", "place", "organization", "other".
std::string_view entity_type_name(EntityType type);

/// Bits of EntityMention::flags.
enum EntityFlag : std::uint8_t {
    kSentenceInitial = 1,  ///< a single word that starts its sentence (maybe only capitalised)
    kTitled = 2,           ///< preceded by an honorific or title ("President", "Dr")
    kAcronym = 4,          ///< all capitals ("USSR", "OPEC")
    kLearned = 8,          ///< found in lower-case text from a form seen capitalised elsewhere
};

/// A name as written in one sentence, with a guess of its type.
struct EntityMention {
    std::string surface;  ///< as written, without a leading title or "the"
    EntityType type = EntityType::Unknown;
    float confidence = 0;        ///< of `type`, 0..1
    std::uint32_t sentence = 0;  ///< sentence index in its document
    std::uint32_t begin = 0;     ///< byte span, relative to the scanned text
    std::uint32_t end = 0;
    std::uint8_t flags = 0;
};

/// How an alias statement was written. Serialized: values are stable.
enum class AliasKind : std::uint8_t {
    Apposition = 0,  ///< "the International Labour Office (ILO)", "Port Elin (now Elinsk)"
    KnownAs = 1,     ///< "known as", "also known as", "alias", "nicknamed"
    PenName = 2,     ///< "pen name", "pseudonym", "under the name"
    BornAs = 3,      ///< "born Anna Maria Kovic"
};

/// A statement that two names name the same thing.
struct AliasStatement {
    std::string alias;
    std::string target;  ///< empty: the nearest name in the sentence or the document's subject
    std::uint32_t sentence = 0;
    std::uint32_t position = 0;  ///< byte offset of the alias, relative to the scanned text
    AliasKind kind = AliasKind::KnownAs;
};

}  // namespace iskra::extract
