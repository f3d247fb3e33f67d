// One error path for the whole engine: library code returns Result<T>; the CLI turns an Error
// into one line and an exit code. No exceptions cross module boundaries.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ocop {

// What went wrong, where. `file` is the user's file (not our source file); `where` narrows it
// down (a JSON path, "mesh 3", "line 12"); `reason` is one human sentence.
struct Error {
    enum class Kind {
        BadInput,  // the user's input is wrong: exit code 2
        Failure,   // something failed while working: exit code 1
    };
    Kind kind = Kind::Failure;
    std::string file;
    std::string where;
    std::string reason;

    // "FILE: WHERE: REASON" with empty parts left out.
    std::string message() const;
    int exit_code() const { return kind == Kind::BadInput ? 2 : 1; }
};

Error bad_input(std::string file, std::string reason, std::string where = {});
Error failure(std::string file, std::string reason, std::string where = {});

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

}  // namespace ocop
