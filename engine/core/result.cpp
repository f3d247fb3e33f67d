#include "core/result.h"

namespace ocop {

std::string Error::message() const {
    std::string out;
    for (const std::string* part : {&file, &where, &reason}) {
        if (part->empty()) continue;
        if (!out.empty()) out += ": ";
        out += *part;
    }
    return out.empty() ? "unknown error" : out;
}

Error bad_input(std::string file, std::string reason, std::string where) {
    return Error{Error::Kind::BadInput, std::move(file), std::move(where), std::move(reason)};
}

Error failure(std::string file, std::string reason, std::string where) {
    return Error{Error::Kind::Failure, std::move(file), std::move(where), std::move(reason)};
}

}  // namespace ocop
