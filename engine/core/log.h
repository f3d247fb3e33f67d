// Logging to stderr with a level; the CLI sets the level once from --verbose / --quiet.
// A Log is passed explicitly to whoever needs it: no global logger.
#pragma once

#include <cstdio>
#include <string_view>

namespace ocop {

enum class LogLevel { Quiet, Info, Debug };

struct Log {
    LogLevel level = LogLevel::Info;
    std::FILE* out = stderr;

    void info(std::string_view text) const;
    void debug(std::string_view text) const;
    void warn(std::string_view text) const;  // shown unless Quiet
};

}  // namespace ocop
