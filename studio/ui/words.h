// The studio speaks Vietnamese and English. Every piece of UI text is written in both, at the
// place it is used: say(language, {"Undo", "Hoàn tác"}). No string table to keep in step.
#pragma once

#include <string>

#include "scene/catalogue.h"

namespace ocop::studio {

enum class Language { En, Vi };

struct Words {
    const char* en;
    const char* vi;
};

inline const char* say(Language language, Words words) { return language == Language::Vi ? words.vi : words.en; }
// Catalogue and centre text (names, captions, stories) in the language, else the other one.
inline const std::string& pick(Language language, const scene::LocalText& text) {
    const std::string& preferred = language == Language::Vi ? text.vi : text.en;
    return preferred.empty() ? (language == Language::Vi ? text.en : text.vi) : preferred;
}

}  // namespace ocop::studio
