#include "core/log.h"

namespace ocop {

static void write_line(std::FILE* out, std::string_view prefix, std::string_view text) {
    std::fprintf(out, "%.*s%.*s\n", static_cast<int>(prefix.size()), prefix.data(),
                 static_cast<int>(text.size()), text.data());
    // Each line as it happens, even into a file or a pipe (a batch's log in a pod or a CI job).
    std::fflush(out);
}

void Log::info(std::string_view text) const {
    if (level >= LogLevel::Info) write_line(out, "", text);
}

void Log::debug(std::string_view text) const {
    if (level >= LogLevel::Debug) write_line(out, "debug: ", text);
}

void Log::warn(std::string_view text) const {
    if (level >= LogLevel::Info) write_line(out, "warning: ", text);
}

}  // namespace ocop
