// SharedLibrary: a library opened when a command first needs it, not at
// start-up. libgit2 and libarchive bring some thirty libraries with them
// (TLS, SSH, Kerberos, ICU, XML); linked in, every run would map and
// relocate them before main(), which costs a small audit a tenth of its time.
#pragma once

#include <string>

// A library's functions are listed once, as an X-macro (one X(name) per
// function); these two make from that list a table of pointers typed as the
// header declares each function, and fill it from `library` into
// `functions`, the names the caller has in scope.
// The argument is a declared name: parentheses around it would not read as one.
#define MANAUDIT_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;  // NOLINT(bugprone-macro-parentheses)
#define MANAUDIT_FUNCTION_LOOKUP(name) functions.name = library.function<decltype(&::name)>(#name);

namespace manaudit {

class SharedLibrary {
public:
    /// Opens `soname` ("libgit2.so.1.5"); throws std::runtime_error that
    /// names the library and says why it could not be opened.
    explicit SharedLibrary(std::string soname);
    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;
    // Never closed: the functions it hands out stay in use until exit.
    ~SharedLibrary() = default;

    /// The function `name`, typed as its header declares it:
    /// `lib.function<decltype(&git_odb_hash)>("git_odb_hash")`. Throws
    /// std::runtime_error when the library has no such symbol.
    template <typename Function>
    Function function(const char* name) const {
        // POSIX guarantees that dlsym's data pointer converts to a function pointer.
        return reinterpret_cast<Function>(address_of(name));  // NOLINT(*-reinterpret-cast)
    }

    const std::string& soname() const { return soname_; }

private:
    void* address_of(const char* name) const;

    std::string soname_;
    void* handle_ = nullptr;
};

}  // namespace manaudit
